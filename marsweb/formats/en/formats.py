"""Date formats for English, beside Django's own (settings.FORMAT_MODULE_PATH).

Every date and time the admin shows — list columns, read-only fields — names its zone
("Feb. 18, 2021, 8:55 p.m. UTC"): an editor always knows which clock a time is on.
"""

DATETIME_FORMAT = "N j, Y, P T"
