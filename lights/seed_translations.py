"""Spanish and Arabic for the seeded lightings, loaded by ``python manage.py seed``
(lights.seeding)."""

LIGHTING_TRANSLATIONS = {
    "Empire State Building": {
        "es": {
            "landmark": "Empire State Building",
            "city": "Nueva York",
            "country": "Estados Unidos",
            "note": "La torre se ilumina de rojo por el planeta rojo.",
        },
        "ar": {
            "landmark": "مبنى إمباير ستيت",
            "city": "نيويورك",
            "country": "الولايات المتحدة",
            "note": "يتوهج البرج بالأحمر من أجل الكوكب الأحمر.",
        },
    },
    "Los Angeles International Airport gateway pylons": {
        "es": {
            "landmark": "Pilones de entrada del Aeropuerto Internacional de Los Ángeles",
            "city": "Los Ángeles",
            "country": "Estados Unidos",
            "note": "El JPL, desde donde se opera el rover, está cerca, en Pasadena.",
        },
        "ar": {
            "landmark": "أعمدة بوابة مطار لوس أنجلوس الدولي",
            "city": "لوس أنجلوس",
            "country": "الولايات المتحدة",
            "note": "مختبر الدفع النفاث، حيث تُدار عمليات المركبة الجوالة، قريب في باسادينا.",
        },
    },
    "Adler Planetarium and other downtown buildings": {
        "es": {
            "landmark": "Planetario Adler y otros edificios del centro",
            "city": "Chicago",
            "country": "Estados Unidos",
            "note": "Los vecinos del centro de Chicago deberían ver iluminarse el Planetario Adler.",
        },
        "ar": {
            "landmark": "قبة أدلر السماوية ومبانٍ أخرى في وسط المدينة",
            "city": "شيكاغو",
            "country": "الولايات المتحدة",
            "note": "ينبغي لسكان وسط شيكاغو أن يروا قبة أدلر السماوية تضيء.",
        },
    },
}
