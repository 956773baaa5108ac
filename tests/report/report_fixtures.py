"""Models and assessments for the report tests: realistic Greek text (long titles, long items),
varied effort / impact / horizon, key questions, and the hostile strings of the issue."""
from __future__ import annotations

import io
import random
import re

from assessment import Assessment
from checklists.model import PILLAR_IDS
from fixture_model import PREFIX, item, pillar

TITLES = {
    "cx_plan": ("Σχέδιο και στρατηγική εμπειρίας πελάτη", "Σχέδιο", "CX plan and strategy", "Plan"),
    "segmentation": (
        "Κατανόηση και κατηγοριοποίηση των πελατών",
        "Πελάτες",
        "Understanding and segmenting customers",
        "Customers",
    ),
    "emotional_connection": ("Συναισθηματική σύνδεση με τον πελάτη", "Συναίσθημα", "Emotional connection", "Emotion"),
    "training": ("Εκπαίδευση και ενδυνάμωση του προσωπικού", "Προσωπικό", "Staff training and empowerment", "Staff"),
    "measurement": ("Μέτρηση και αξιολόγηση της εμπειρίας", "Μέτρηση", "Measuring customer experience", "Measuring"),
}
ITEM_EL = [
    "Έχει η επιχείρηση γραπτό σχέδιο για την εμπειρία του πελάτη, γνωστό σε όλο το προσωπικό, "
    "που ενημερώνεται τουλάχιστον μία φορά τον χρόνο;",
    "Ξέρει κάθε υπάλληλος ποιος είναι υπεύθυνος για κάθε κατηγορία πελατών "
    "και πού να απευθυνθεί όταν κάτι δεν πάει καλά;",
    "Απαντάτε σε όλες τις κριτικές στο διαδίκτυο, θετικές και αρνητικές, μέσα σε 48 ώρες και με προσωπικό τόνο;",
    "Καταγράφετε τα παράπονα των πελατών και τα συζητάτε με την ομάδα κάθε εβδομάδα;",
    "Μετράτε την ικανοποίηση (CSAT) ή την πρόθεση σύστασης (NPS) τουλάχιστον κάθε τρίμηνο;",
    "Εκπαιδεύεται το νέο προσωπικό στην εξυπηρέτηση, στον χειρισμό παραπόνων και στην τηλεφωνική επικοινωνία;",
    "Στέλνετε μήνυμα ευχαριστίας δύο ημέρες μετά την αγορά ή τη διαμονή, με πρόσκληση για κριτική;",
    "Συμφωνεί η εικόνα της ιστοσελίδας και των μέσων κοινωνικής δικτύωσης "
    "με την εξυπηρέτηση στο κατάστημα και στο τηλέφωνο;",
    "Έχουν οι υπάλληλοι την ελευθερία να λύσουν ένα πρόβλημα πελάτη επί τόπου, "
    "χωρίς να ζητήσουν έγκριση, μέχρι ένα συγκεκριμένο ποσό;",
    "Υπάρχει ορισμένος τρόπος συλλογής και ανάλυσης δεδομένων για την εμπειρία του πελάτη, με υπεύθυνο και ημερολόγιο;",
]
ACTION_EL = [
    "Γράψτε σε μία σελίδα τι υπόσχεστε στον πελάτη και συζητήστε το με όλη την ομάδα σε μια σύντομη συνάντηση.",
    "Ορίστε έναν υπεύθυνο ανά κατηγορία πελατών και αναρτήστε τη λίστα στο γραφείο.",
    "Απαντήστε σε κάθε κριτική μέσα σε 48 ώρες· φτιάξτε τρία πρότυπα απάντησης και προσαρμόζετέ τα.",
]
KPIS = [("Ποσοστό κριτικών με απάντηση σε 48 ώρες", "Share of reviews answered within 48 hours"),
        ("Μέσος χρόνος επίλυσης παραπόνου (ημέρες)", "Average days to resolve a complaint"),
        ("NPS ανά τρίμηνο", "NPS per quarter"),
        ("Ώρες εκπαίδευσης ανά υπάλληλο", "Training hours per employee")]
HOSTILE = {
    "markup": '<b>Καφέ</b> & "Σία" <script>alert(1)</script> </para> &amp; <br/> \'quote\'',
    "emoji": "Ζαχαροπλαστείο 🍰 Η Γλυκιά Ζωή 😀👍🏽 ❤️",
    "tabs": "Γραμμή\tμε\tστηλοθέτες\nκαι\nνέες γραμμές\r\nκαι CRLF",
    "long_word": "Α" * 150 + "Ω" * 150,
    "control": "Κοντρόλ\x00\x07\x1b χαρακτήρες\u200b\ufeff",
}


def _tx(el: str, en: str) -> dict:
    return {"el": el, "en": en}


def greek_pillars(items_per_pillar: int = 10) -> dict[str, dict]:
    out = {}
    for order, pid in enumerate(PILLAR_IDS, start=1):
        el, short_el, en, short_en = TITLES[pid]
        prefix = PREFIX[pid]
        items = []
        for n in range(1, items_per_pillar + 1):
            k = (order * 7 + n) % len(ITEM_EL)
            effort = "SML"[(n + order) % 3]
            impact = 1 + (2 * n + order) % 3
            it = item(prefix, n, weight=1 + (n % 3 == 0), critical=(n == 1), effort=effort, impact=impact)
            it["text"] = _tx(
                ITEM_EL[k], f"Question {prefix}-{n:02d}: does the business do what a good business does here?"
            )
            it["why"] = _tx("Γιατί μετράει για τον πελάτη.", "Why it matters to the customer.")
            it["evidence"] = _tx("Τι να ελέγξετε.", "What to check.")
            kpi = KPIS[(n + order) % len(KPIS)]
            it["action"] = {
                "text": _tx(
                    ACTION_EL[n % 3] + f" ({prefix}-{n:02d})",
                    f"Do the right thing for {prefix}-{n:02d}: write it down, share it, check it.",
                ),
                "effort": effort,
                "impact": impact,
                "horizon_days": (30, 60, 90)[n % 3],
                "kpi": _tx(*kpi),
            }
            items.append(it)
        p = pillar(pid, order, items=items)
        p["title"] = _tx(el, en)
        p["short_title"] = _tx(short_el, short_en)
        p["description"] = _tx(
            f"Περιγραφή της ενότητας «{el}»: τι εξετάζει και γιατί.", f"What '{en}' looks at and why."
        )
        out[pid] = p
    return out


def profile(name: str = "Καφέ «Το Λιμάνι» Ο.Ε.") -> dict:
    return {"company": {"name": name, "sector": "food_service", "size": "micro", "city": "Ηράκλειο Κρήτης"},
            "assessor": {"name": "Ελένη Καραγιάννη", "organisation": "Σύμβουλοι Εμπειρίας Πελάτη Α.Ε."}}


def full_assessment(model, seed: int = 7, lang: str = "el", **kw) -> Assessment:
    """Every item answered (mostly gaps), a few notes, some plan edits."""
    rng = random.Random(seed)
    a = Assessment(language=lang, **{**profile(), **kw})
    values = [0, 1, 2, 3, 4, "unknown", "na", 1, 2]
    for n, iid in enumerate(model.items):
        a.set_value(iid, rng.choice(values))
        if n % 4 == 0:
            a.set_note(
                iid,
                "Ο ιδιοκτήτης απαντά στις κριτικές μόνο όταν έχει χρόνο· το προσωπικό δεν ξέρει ποιος είναι υπεύθυνος.",
            )
    return a


def answered(model, value, fraction: float = 1.0, **kw) -> Assessment:
    a = Assessment(**{**profile(), **kw})
    ids = list(model.items)
    for iid in ids[: int(len(ids) * fraction)]:
        a.set_value(iid, value)
    return a


def pdf_pages(pdf: bytes) -> list[str]:
    import pypdf

    return [p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Whitespace-insensitive form: line breaks in wrapped text become single spaces."""
    return re.sub(r"\s+", " ", text).strip()


NOTE = "Το είδαμε στην υποδοχή: γίνεται, αλλά όχι από όλους· χρειάζεται γραπτή διαδικασία και έλεγχος."


def realistic_audit(model, seed: int = 11, size: str = "small") -> Assessment:
    """Every item answered as a real business would (mostly partial, some 'not at all' and 'don't
    know'), a note on about one item in five: with the shipped content, about 40 gaps."""
    rnd = random.Random(seed)
    a = Assessment(**profile("Ξενοδοχείο «Λευκά Όρη» Χανιά"))
    a.company.size = size
    for it in model.items.values():
        a.set_value(it.id, rnd.choice([0, 1, 1, 2, 2, 2, 3, 3, 4, 4, "unknown"]))
        if rnd.random() < 0.2:
            a.set_note(it.id, NOTE)
    return a


def survey_csv(seed: int = 3, rows: int = 420) -> bytes:
    """A hotel's NPS export: a score 0-10, a stay date over six months, a booking channel."""
    rnd = random.Random(seed)
    channels = ["Booking.com", "Απευθείας", "Expedia", "Ταξιδιωτικό γραφείο"]
    lines = ["Ημερομηνία;Πόσο πιθανό είναι να μας προτείνετε;Κανάλι"]
    for i in range(rows):
        month = 1 + i * 6 // rows
        channel = channels[min(int(rnd.random() ** 1.6 * 4), 3)]
        lift = (month - 1) * 0.25 + (0.8 if channel == "Απευθείας" else 0)
        score = max(0, min(10, round(rnd.gauss(7.2 + lift, 2.2))))
        lines.append(f"{rnd.randint(1, 28):02d}/{month:02d}/2026;{score};{channel}")
    return "\n".join(lines).encode("utf-8")


def survey_results() -> list:
    """The NPS result as the Measure page saves it (surveys.analysis → SurveyResult.from_analysis)."""
    from assessment.survey_result import SurveyResult
    from surveys.analysis import analyze_table
    from surveys.reading import read_table

    table = read_table(survey_csv(), filename="nps.csv")
    result = analyze_table(table, "nps", column="Πόσο πιθανό είναι να μας προτείνετε", date_column="Ημερομηνία",
                           segment_column="Κανάλι")
    return [SurveyResult.from_analysis(result, source="nps.csv", saved_at="2026-07-01T10:00:00+00:00")]
