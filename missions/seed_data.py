"""The missions the Space.com article of 16 Feb 2021 names, with facts from their agencies.

Plain data, loaded by ``python manage.py seed``. Times are UTC. ``landed_at`` is when
Earth heard of the landing or arrival (Earth-received time); a milestone's ``occurs_at``
is spacecraft event time and ``signal_delay`` the one-way light time (None: not recorded).
"""

from datetime import date, timedelta

from marsweb.seeding import ARTICLE, utc

PERSEVERANCE_DELAY = timedelta(minutes=11, seconds=22)
# JPL's minute-by-minute landing times (Earth-received) put atmospheric entry at 12:48 p.m.
# PST and touchdown at about 12:55 p.m. PST on 18 Feb 2021; the seconds follow JPL's
# offsets from entry (E+1:20 peak heating, E+4:00 parachute, E+4:20 heat shield,
# E+6:30 sky crane, E+6:50 touchdown), counted back from touchdown at 20:55:00 UTC.
PERSEVERANCE_TOUCHDOWN_ERT = utc(2021, 2, 18, 20, 55, 0)
PERSEVERANCE_EDL_SOURCE = (
    "NASA/JPL, “How Will Perseverance Land on Mars?”, 17 Feb 2021 (times Earth-received, "
    "signal delay 11 min 22 s); JPL Mars 2020 landing timeline for offsets, speeds and altitudes."
)


def edl(kind, title, seconds_before_touchdown, altitude_m, speed_m_s, description):
    return {
        "kind": kind,
        "title": title,
        "occurs_at": PERSEVERANCE_TOUCHDOWN_ERT
        - PERSEVERANCE_DELAY
        - timedelta(seconds=seconds_before_touchdown),
        "signal_delay": PERSEVERANCE_DELAY,
        "altitude_m": altitude_m,
        "speed_m_s": speed_m_s,
        "description": description,
        "source_note": PERSEVERANCE_EDL_SOURCE,
    }


MISSIONS = [
    {
        "slug": "perseverance",
        "name": "Perseverance",
        "agency": "NASA / JPL-Caltech",
        "kind": "rover",
        "card_art": "perseverance",
        "status": "active",
        "status_note": "Still driving and sampling in and around Jezero Crater (NASA/JPL mission updates).",
        "launch_date": date(2020, 7, 30),
        "landed_at": PERSEVERANCE_TOUCHDOWN_ERT,
        "landing_site_name": "Jezero Crater (Octavia E. Butler Landing)",
        "latitude": "18.4447",
        "longitude_east": "77.4508",
        "landing_sol": 0,
        "is_featured": True,
        "summary": "NASA's most ambitious rover yet: it searches Jezero Crater for signs of "
        "ancient life and caches rock samples for a return to Earth.",
        "body": (
            "Perseverance landed in Jezero Crater, an ancient lake bed, on 18 February 2021 "
            "after the “seven minutes of terror” of entry, descent and landing.\n\n"
            "Unlike every Mars mission before it, Perseverance wraps presents for Earth: it "
            "drills rock cores that show promising signs of past habitability and seals them "
            "in tubes, some left on the surface in a depot for the NASA–ESA Mars Sample Return "
            "campaign to collect.\n\n"
            "Its high-definition cameras, lasers, microphones and science instruments scan "
            "the crater, and it carried the Ingenuity helicopter to Mars on its belly."
        ),
        "source_note": (
            f"{ARTICLE}\n"
            "Launch 30 July 2020, landing site coordinates and name: NASA/JPL Mars 2020 mission pages.\n"
            f"Landing timeline: {PERSEVERANCE_EDL_SOURCE}"
        ),
        "milestones": [
            {
                "kind": "launch",
                "title": "Launch on an Atlas V from Cape Canaveral",
                "occurs_at": utc(2020, 7, 30, 11, 50, 0),
                "signal_delay": timedelta(0),
                "source_note": "NASA, launch at 7:50 a.m. EDT, 30 July 2020.",
            },
            edl(
                "cruise-stage-separation",
                "Cruise stage separation",
                1010,
                None,
                None,
                "The stage that flew Perseverance through space for six and a half months separates from the entry capsule.",
            ),
            edl(
                "entry-interface",
                "Atmospheric entry",
                410,
                125000,
                "5400",
                "The capsule hits the top of the Martian atmosphere at about 19,500 km/h.",
            ),
            edl(
                "peak-heating",
                "Peak heating",
                330,
                None,
                None,
                "Friction heats the heat shield to about 1,300 °C.",
            ),
            edl(
                "parachute-deploy",
                "Parachute deployment",
                170,
                11000,
                "420",
                "The supersonic parachute opens, triggered by the new Range Trigger.",
            ),
            edl(
                "heat-shield-separation",
                "Heat shield separation",
                150,
                None,
                "160",
                "The heat shield drops away and Terrain-Relative Navigation starts to look for a safe spot.",
            ),
            edl(
                "backshell-separation",
                "Backshell separation and powered descent",
                60,
                2100,
                "89",
                "The rover and its descent stage drop free of the backshell and parachute; eight rockets fire.",
            ),
            edl(
                "sky-crane",
                "Sky crane",
                20,
                20,
                "0.75",
                "Nylon cords lower the rover beneath the hovering descent stage.",
            ),
            edl(
                "touchdown",
                "Touchdown in Jezero Crater",
                0,
                0,
                "0.75",
                "Wheels down. The descent stage flies away to crash at a safe distance.",
            ),
        ],
    },
    {
        "slug": "ingenuity",
        "name": "Ingenuity",
        "agency": "NASA / JPL-Caltech",
        "kind": "helicopter",
        "status": "ended",
        "status_note": "Flew 72 times; retired after rotor damage on its 72nd flight on 18 Jan 2024 (NASA, 25 Jan 2024).",
        "parent": "perseverance",
        "launch_date": date(2020, 7, 30),
        "landed_at": PERSEVERANCE_TOUCHDOWN_ERT,
        "landing_site_name": "Jezero Crater, carried under Perseverance",
        "summary": "A small test helicopter that showed that powered, controlled flight is "
        "possible in Mars's thin atmosphere.",
        "body": (
            "Ingenuity rode to Mars on Perseverance's belly, a bonus gift from the mission. "
            "It was built to show whether flight is possible on Mars given our understanding "
            "of its thin atmosphere, and to show the way for future drones that scout ahead "
            "of rovers and astronauts.\n\n"
            "Planned for five flights, it made 72."
        ),
        "source_note": (
            f"{ARTICLE}\n"
            "First flight on 19 April 2021 at 07:34 UTC, 72 flights and end of mission: NASA/JPL "
            "news releases of 19 April 2021 and 25 January 2024."
        ),
        "milestones": [
            {
                "kind": "flight",
                "title": "First powered, controlled flight on another planet",
                "occurs_at": utc(2021, 4, 19, 7, 34, 0),
                "signal_delay": None,
                "description": "A 39-second hover at about 3 m above “Wright Brothers Field”.",
                "source_note": "NASA, 19 April 2021: flight at 3:34 a.m. EDT (spacecraft time).",
            },
            {
                "kind": "mission-end",
                "title": "Mission ends after 72 flights",
                "occurs_at": utc(2024, 1, 25, 18, 0, 0),
                "signal_delay": timedelta(0),
                "description": "Images from flight 72 showed rotor blade damage; NASA ended the mission.",
                "source_note": "NASA news release, 25 January 2024.",
            },
        ],
    },
    {
        "slug": "curiosity",
        "name": "Curiosity",
        "agency": "NASA / JPL-Caltech",
        "kind": "rover",
        "card_art": "curiosity",
        "status": "active",
        "status_note": "Still climbing Mount Sharp in Gale Crater (NASA/JPL mission updates).",
        "launch_date": date(2011, 11, 26),
        "landed_at": utc(2012, 8, 6, 5, 31, 45),
        "landing_site_name": "Gale Crater (Bradbury Landing)",
        "latitude": "-4.5895",
        "longitude_east": "137.4417",
        "landing_sol": 0,
        "summary": "NASA's big Mars Science Laboratory rover, exploring Mount Sharp since 2012 "
        "and still finding organics and molecules.",
        "body": (
            "Curiosity landed in Gale Crater in 2012 with the first sky crane, the technique "
            "Perseverance repeated. It is still running, picking up further evidence of "
            "organics and molecules as it climbs Mount Sharp (Aeolis Mons)."
        ),
        "source_note": (
            f"{ARTICLE}\n"
            "Landing 6 Aug 2012, 05:17:57 UTC at Mars, 05:31:45 UTC on Earth (signal delay 13 min 48 s), "
            "Bradbury Landing coordinates: NASA/JPL Mars Science Laboratory pages."
        ),
        "milestones": [
            {
                "kind": "launch",
                "title": "Launch on an Atlas V from Cape Canaveral",
                "occurs_at": utc(2011, 11, 26, 15, 2, 0),
                "signal_delay": timedelta(0),
                "source_note": "NASA, launch at 10:02 a.m. EST, 26 Nov 2011.",
            },
            {
                "kind": "touchdown",
                "title": "Touchdown in Gale Crater",
                "occurs_at": utc(2012, 8, 6, 5, 17, 57),
                "signal_delay": timedelta(minutes=13, seconds=48),
                "altitude_m": 0,
                "source_note": "NASA/JPL MSL landing, 6 Aug 2012.",
            },
        ],
    },
    {
        "slug": "spirit",
        "name": "Spirit",
        "agency": "NASA / JPL-Caltech",
        "kind": "rover",
        "card_art": "spirit",
        "status": "ended",
        "status_note": "Last heard from on 22 March 2010; NASA ended the mission on 25 May 2011.",
        "launch_date": date(2003, 6, 10),
        "landed_at": utc(2004, 1, 4, 4, 35, 0),
        "landing_site_name": "Gusev Crater (Columbia Memorial Station)",
        "latitude": "-14.5684",
        "longitude_east": "175.4726",
        "landing_sol": 1,
        "summary": "The first of the twin Mars Exploration Rovers, built for 90 sols, it "
        "worked for more than six years.",
        "body": (
            "Spirit bounced to a landing on airbags in Gusev Crater in January 2004. Like its "
            "twin Opportunity, it outlasted its 90-day warranty by years."
        ),
        "source_note": (
            f"{ARTICLE}\n"
            "Landing signal received 8:35 p.m. PST, 3 Jan 2004 (04:35 UTC, 4 Jan); last contact and "
            "end of mission: NASA/JPL Mars Exploration Rover pages and release of 25 May 2011."
        ),
        "milestones": [
            {
                "kind": "launch",
                "title": "Launch on a Delta II from Cape Canaveral",
                "occurs_at": utc(2003, 6, 10, 17, 58, 47),
                "signal_delay": timedelta(0),
                "source_note": "NASA MER launch, 10 June 2003.",
            },
            {
                "kind": "mission-end",
                "title": "Mission ends",
                "occurs_at": utc(2011, 5, 25, 12, 0, 0),
                "signal_delay": timedelta(0),
                "description": "After a year without a signal, NASA ends the attempts to contact Spirit.",
                "source_note": "NASA/JPL release, 25 May 2011.",
            },
        ],
    },
    {
        "slug": "opportunity",
        "name": "Opportunity",
        "agency": "NASA / JPL-Caltech",
        "kind": "rover",
        "card_art": "opportunity",
        "status": "ended",
        "status_note": "Last heard from on 10 June 2018 during a planet-wide dust storm; NASA ended the mission on 13 Feb 2019.",
        "launch_date": date(2003, 7, 8),
        "landed_at": utc(2004, 1, 25, 5, 5, 0),
        "landing_site_name": "Meridiani Planum (Challenger Memorial Station)",
        "latitude": "-1.9462",
        "longitude_east": "354.4734",
        "landing_sol": 1,
        "summary": "The second Mars Exploration Rover: planned for 90 sols, it drove a marathon "
        "in more than 14 years.",
        "body": (
            "Opportunity landed in Meridiani Planum three weeks after Spirit and found evidence "
            "that liquid water once soaked the ground there. It kept going for more than 14 "
            "years, far beyond its 90-day warranty."
        ),
        "source_note": (
            f"{ARTICLE}\n"
            "Launch 8 July 2003 03:18 UTC (7 July EDT), landing signal 9:05 p.m. PST 24 Jan 2004, "
            "end of mission 13 Feb 2019: NASA/JPL Mars Exploration Rover pages."
        ),
        "milestones": [
            {
                "kind": "launch",
                "title": "Launch on a Delta II Heavy from Cape Canaveral",
                "occurs_at": utc(2003, 7, 8, 3, 18, 15),
                "signal_delay": timedelta(0),
                "source_note": "NASA MER launch, 7 July 2003 11:18 p.m. EDT.",
            },
            {
                "kind": "mission-end",
                "title": "Mission ends",
                "occurs_at": utc(2019, 2, 13, 19, 0, 0),
                "signal_delay": timedelta(0),
                "description": "After more than 1,000 commands without an answer, NASA declares the mission complete.",
                "source_note": "NASA news release, 13 Feb 2019.",
            },
        ],
    },
    {
        "slug": "insight",
        "name": "InSight",
        "agency": "NASA / JPL-Caltech",
        "kind": "lander",
        "status": "ended",
        "status_note": "Mission ended on 21 Dec 2022 when dust had covered its solar panels (NASA).",
        "launch_date": date(2018, 5, 5),
        "landed_at": utc(2018, 11, 26, 19, 52, 59),
        "landing_site_name": "Elysium Planitia",
        "latitude": "4.5024",
        "longitude_east": "135.6234",
        "landing_sol": 0,
        "summary": "A stationary lander that listened for marsquakes to map the planet's deep "
        "interior.",
        "body": (
            "InSight landed on the flat plain of Elysium Planitia in November 2018, the last "
            "successful Mars landing before Perseverance. Its seismometer recorded more than "
            "1,300 marsquakes before dust on its solar panels ended the mission in 2022."
        ),
        "source_note": (
            f"{ARTICLE} (the article, of Feb 2021, calls InSight still active; it was then.)\n"
            "Landing signal 11:52:59 a.m. PST, 26 Nov 2018; end of mission 21 Dec 2022: NASA/JPL InSight pages."
        ),
        "milestones": [
            {
                "kind": "launch",
                "title": "Launch on an Atlas V from Vandenberg",
                "occurs_at": utc(2018, 5, 5, 11, 5, 0),
                "signal_delay": timedelta(0),
                "source_note": "NASA, launch 4:05 a.m. PDT, 5 May 2018.",
            },
            {
                "kind": "mission-end",
                "title": "Mission ends",
                "occurs_at": utc(2022, 12, 21, 18, 0, 0),
                "signal_delay": timedelta(0),
                "description": "After two missed contacts, NASA declares the mission ended.",
                "source_note": "NASA news release, 21 Dec 2022.",
            },
        ],
    },
    {
        "slug": "hope",
        "name": "Hope (Emirates Mars Mission)",
        "agency": "UAE Space Agency / Mohammed bin Rashid Space Centre",
        "kind": "orbiter",
        "status": "active",
        "status_note": "Studying Mars's atmosphere and weather from orbit (Emirates Mars Mission).",
        "launch_date": date(2020, 7, 19),
        "landed_at": utc(2021, 2, 9, 15, 42, 0),
        "landing_site_name": "",
        "summary": "The Arab world's first interplanetary mission: an orbiter that maps Mars's "
        "weather and atmosphere through a whole Martian year.",
        "body": (
            "The Emirati Hope orbiter arrived at Mars on 9 February 2021, nine days before "
            "Perseverance's landing, making the United Arab Emirates the fifth to reach Mars."
        ),
        "source_note": (
            f"{ARTICLE}\n"
            "Launch 19 July 2020 21:58 UTC from Tanegashima; orbit insertion confirmed about 19:42 "
            "Gulf Standard Time (15:42 UTC), 9 Feb 2021: Emirates Mars Mission."
        ),
        "milestones": [
            {
                "kind": "launch",
                "title": "Launch on an H-IIA from Tanegashima",
                "occurs_at": utc(2020, 7, 19, 21, 58, 14),
                "signal_delay": timedelta(0),
                "source_note": "Emirates Mars Mission / Mitsubishi Heavy Industries.",
            },
            {
                "kind": "orbit-insertion",
                "title": "Mars orbit insertion confirmed",
                "occurs_at": utc(2021, 2, 9, 15, 42, 0),
                "signal_delay": timedelta(0),
                "description": "Time given is when the mission team on Earth confirmed it.",
                "source_note": "Emirates Mars Mission, 9 Feb 2021.",
            },
        ],
    },
    {
        "slug": "tianwen-1",
        "name": "Tianwen-1 and Zhurong",
        "agency": "China National Space Administration (CNSA)",
        "kind": "orbiter-lander-rover",
        "status": "active",
        "status_note": "Orbiter operating; the Zhurong rover has hibernated since May 2022 and has not woken (CNSA, 2023).",
        "launch_date": date(2020, 7, 23),
        "landed_at": utc(2021, 5, 14, 23, 18, 0),
        "landing_site_name": "Utopia Planitia",
        "latitude": "25.0660",
        "longitude_east": "109.9250",
        "landing_sol": 0,
        "summary": "China's first Mars mission: an orbiter, a lander and the Zhurong rover, "
        "all in one launch.",
        "body": (
            "Tianwen-1 reached Mars orbit on 10 February 2021, a day after Hope and eight days "
            "before Perseverance. Its lander set down in Utopia Planitia in May 2021 and the "
            "Zhurong rover drove onto the surface a week later."
        ),
        "source_note": (
            f"{ARTICLE}\n"
            "Launch 23 July 2020 from Wenchang; orbit insertion 10 Feb 2021; landing 07:18 Beijing "
            "time, 15 May 2021 (23:18 UTC, 14 May); Zhurong on the surface 22 May 2021; hibernation "
            "from 18 May 2022: CNSA announcements."
        ),
        "milestones": [
            {
                "kind": "launch",
                "title": "Launch on a Long March 5 from Wenchang",
                "occurs_at": utc(2020, 7, 23, 4, 41, 15),
                "signal_delay": timedelta(0),
                "source_note": "CNSA, 23 July 2020.",
            },
            {
                "kind": "orbit-insertion",
                "title": "Mars orbit insertion",
                "occurs_at": utc(2021, 2, 10, 11, 52, 0),
                "signal_delay": None,
                "source_note": "CNSA, 10 Feb 2021 (19:52 Beijing time).",
            },
            {
                "kind": "touchdown",
                "title": "Lander touches down in Utopia Planitia",
                "occurs_at": utc(2021, 5, 14, 23, 18, 0),
                "signal_delay": None,
                "source_note": "CNSA, 15 May 2021 (07:18 Beijing time).",
            },
            {
                "kind": "surface",
                "title": "Zhurong drives onto the surface",
                "occurs_at": utc(2021, 5, 22, 2, 40, 0),
                "signal_delay": None,
                "source_note": "CNSA, 22 May 2021 (10:40 Beijing time).",
            },
        ],
    },
    {
        "slug": "mars-sample-return",
        "name": "Mars Sample Return",
        "agency": "NASA and ESA",
        "kind": "sample-return",
        "status": "planned",
        "status_note": "Under review: NASA's 2026 budget request proposed ending the campaign; its future is undecided.",
        "summary": "A NASA–ESA campaign to bring Perseverance's cached rock samples back to Earth.",
        "body": (
            "Once NASA and the European Space Agency are ready, the two agencies plan to bring "
            "Perseverance's sealed rock cores back to Earth, where laboratories far larger than "
            "any rover can study them. The article expected that in about a decade."
        ),
        "source_note": (
            f"{ARTICLE}\n"
            "Status: NASA FY2026 President's Budget Request (May 2025) and NASA statements on MSR."
        ),
        "milestones": [],
    },
]


# Perseverance's landing night as staff would have posted it, beside the key events its
# milestones post by themselves (missions/live.py). Times UTC; each post says its source.
LIVE_UPDATES = {
    "perseverance": [
        {
            "headline": "Watch the landing with us",
            "body": "NASA TV carries the landing live, and NASA's virtual Social event and "
            "virtual guest experience let anyone join the night from home.",
            "kind": "update",
            "is_pinned": True,
            "posted_at": utc(2021, 2, 18, 19, 15, 0),
            "source_note": f"{ARTICLE} Broadcast start, 11:15 a.m. PST: NASA.",
        },
        {
            "headline": "Cities glow red for the Red Planet",
            "body": "The Empire State Building, the LAX gateway pylons and Chicago's Adler "
            "Planetarium light up red for the landing; NASA invites every town to do the "
            "same. When each one glows is on the lights page.",
            "kind": "update",
            "posted_at": utc(2021, 2, 18, 19, 30, 0),
            "source_note": f"{ARTICLE} (from JPL's release)",
        },
        {
            "headline": "Ingenuity rides along",
            "body": "Tucked under the rover is the Ingenuity helicopter, a test of whether "
            "flight is possible in Mars's thin atmosphere.",
            "kind": "update",
            "posted_at": utc(2021, 2, 18, 20, 20, 0),
            "source_note": ARTICLE,
        },
        {
            "headline": "First images from Jezero Crater",
            "body": "The rover's hazard-avoidance cameras send back their first black-and-"
            "white pictures of the landing site, dust still on the lens covers.",
            "kind": "key",
            "posted_at": utc(2021, 2, 18, 21, 0, 0),
            "source_note": "NASA/JPL, “NASA's Mars Perseverance Rover Safely Lands on Red "
            "Planet”, 18 Feb 2021.",
        },
    ],
}
