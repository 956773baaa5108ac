"""The date column of a survey export is found by its name and, failing that, by its values,
read day first: Google Forms in Greek names it «Χρονοσφραγίδα» ("dd/mm/yyyy hh:mm:ss")."""
from __future__ import annotations

import pandas as pd
import pytest

from surveys.columns import guess_columns
from surveys.dates import parse_dates

NPS = "Πόσο πιθανό είναι να μας προτείνετε;"
SECONDS = ["03/04/2026 10:23:11", "16/03/2026 09:05:00", "01/04/2026 18:00:59"]
MINUTES = ["03/04/2026 10:23", "16/03/2026 09:05", "01/04/2026 18:00"]


@pytest.mark.parametrize("values", [SECONDS, MINUTES])
@pytest.mark.parametrize("name", ["Χρονοσφραγίδα", "ΧΡΟΝΟΣΦΡΑΓΙΔΑ", "Timestamp", "Ημερομηνία", "Date", "Στήλη 1"])
def test_a_timestamp_column_is_the_date_column(name, values):
    df = pd.DataFrame({NPS: [9, 10, 7], "Κατάστημα": ["Α", "Β", "Α"], name: values})
    assert guess_columns(df)["date"] == name
    assert parse_dates(df[name]).dates.iloc[0] == pd.Timestamp(2026, 4, 3, 10, 23, 11 if values is SECONDS else 0)


def test_text_and_numbers_are_not_taken_for_dates():
    df = pd.DataFrame({NPS: [9, 10, 7], "Σχόλιο": ["καλό", "12/3 ήρθα", "ok"], "Κωδικός": ["0012", "0013", "0014"]})
    assert guess_columns(df)["date"] is None
