"""The landing-night events the Space.com article names, all for Perseverance.

Times are UTC. The live broadcast's start is NASA's own; the other programmes' exact
hours were not in the article, so their windows are the landing day's programme and say so.
"""

from marsweb.seeding import ARTICLE, utc

EVENTS = [
    {
        "slug": "perseverance-landing-live-broadcast",
        "title": "Perseverance landing: live broadcast on NASA TV",
        "kind": "live-broadcast",
        "mission": "perseverance",
        "starts_at": utc(2021, 2, 18, 19, 15),
        "ends_at": utc(2021, 2, 18, 21, 30),
        "time_zone": "America/Los_Angeles",
        "summary": "Watch the landing live from mission control at JPL, with commentary, as "
        "Perseverance tries to touch down in Jezero Crater.",
        "description": (
            "Live NASA TV coverage of the landing starts [start]. "
            "Touchdown is expected at about [time 2021-02-18T20:55:00Z], as heard on Earth.\n\n"
            "Confirmed attendees get the link to the stream and a reminder an hour before."
        ),
        "join_url": "https://mars.nasa.gov/mars2020/timeline/landing/watch-online/",
        "capacity": None,
        "source_note": (
            f"{ARTICLE}\n"
            "Start 11:15 a.m. PST, 18 Feb 2021: NASA/JPL, “How Will Perseverance Land on Mars?”, "
            "17 Feb 2021. The end time is approximate: coverage ran on after touchdown."
        ),
    },
    {
        "slug": "perseverance-virtual-nasa-social",
        "title": "Virtual NASA Social: Perseverance lands on Mars",
        "kind": "virtual-social",
        "mission": "perseverance",
        "starts_at": utc(2021, 2, 18, 17, 0),
        "ends_at": utc(2021, 2, 18, 22, 0),
        "time_zone": "America/Los_Angeles",
        "summary": "NASA's social media event for the landing: briefings, behind-the-scenes "
        "talks and a landing-day watch party with other space fans.",
        "description": (
            "The virtual NASA Social brings space fans together online for the landing: mission "
            "updates, conversations with the people who built the rover, and the landing itself."
        ),
        "join_url": "https://mars.nasa.gov/mars2020/timeline/landing/watch-online/",
        "capacity": 50,
        "source_note": (
            f"{ARTICLE}\n"
            "The article invites readers to sign up for NASA's social media event; the hours shown "
            "are the landing day's programme window (approximate). The seat count is this site's."
        ),
    },
    {
        "slug": "perseverance-virtual-guest-experience",
        "title": "Perseverance virtual guest experience",
        "kind": "virtual-guest-experience",
        "mission": "perseverance",
        "starts_at": utc(2021, 2, 18, 18, 0),
        "ends_at": utc(2021, 2, 18, 22, 0),
        "time_zone": "America/Los_Angeles",
        "summary": "NASA's virtual guest experience for the public: resources, activities and a "
        "virtual passport stamp for following the landing from home.",
        "description": (
            "Registered guests receive mission updates, activities and the chance to collect a "
            "virtual passport stamp for the landing."
        ),
        "join_url": "https://mars.nasa.gov/mars2020/timeline/landing/watch-online/",
        "capacity": None,
        "source_note": (
            f"{ARTICLE}\n"
            "NASA also has a “virtual guest experience” available for the public; the hours shown "
            "are the landing day's programme window (approximate)."
        ),
    },
]
