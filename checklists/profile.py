"""Choices for the business profile. Ids are stored in the assessment; labels live in i18n
(`sector.<id>`, `size.<id>`) so that a stored profile reads right in either language."""

SECTORS = (
    "food_service", "bakery", "hospitality", "retail", "ecommerce", "health", "beauty_wellness",
    "professional_services", "education", "construction_trades", "manufacturing",
    "wholesale_distribution", "it_telecom", "transport_logistics", "automotive",
    "real_estate", "finance_insurance", "agrifood", "other",
)
SIZES = ("micro", "small", "medium", "large")
