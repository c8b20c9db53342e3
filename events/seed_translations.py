"""Spanish and Arabic for the seeded events, loaded by ``python manage.py seed``
(events.seeding).

The wording follows NASA en español's announcements of the landing night ("Juntos
Perseveramos", NASA's first Spanish-language broadcast of a planetary landing). Times in
descriptions keep their markers ([start], [time …]), written in the reader's zone.
"""

EVENT_TRANSLATIONS = {
    "perseverance-landing-live-broadcast": {
        "es": {
            "title": "Aterrizaje de Perseverance: transmisión en directo en NASA TV",
            "summary": "Mira el aterrizaje en directo desde el control de la misión en el JPL, con comentarios, mientras Perseverance intenta posarse en el cráter Jezero.",
            "description": "La cobertura en directo de NASA TV del aterrizaje empieza [start]. El aterrizaje se espera hacia [time 2021-02-18T20:55:00Z], tal como se recibe en la Tierra.\n\nLos asistentes confirmados reciben el enlace a la transmisión y un recordatorio una hora antes.",
        },
        "ar": {
            "title": "هبوط بيرسيفيرانس: بث مباشر على قناة ناسا",
            "summary": "شاهد الهبوط مباشرة من غرفة التحكم بالمهمة في مختبر الدفع النفاث، مع التعليق، بينما تحاول بيرسيفيرانس الهبوط في فوهة جيزيرو.",
            "description": "تبدأ تغطية قناة ناسا المباشرة للهبوط [start]. يُنتظر الهبوط نحو [time 2021-02-18T20:55:00Z]، كما يُسمع على الأرض.\n\nيتلقى الحاضرون المؤكدون رابط البث وتذكيرًا قبل ساعة.",
        },
    },
    "perseverance-virtual-nasa-social": {
        "es": {
            "title": "NASA Social virtual: Perseverance aterriza en Marte",
            "summary": "El evento de la NASA en redes sociales para el aterrizaje: sesiones informativas, charlas entre bastidores y una fiesta para ver el aterrizaje con otros aficionados al espacio.",
            "description": "El NASA Social virtual reúne en línea a los aficionados al espacio para el aterrizaje: novedades de la misión, conversaciones con quienes construyeron el rover y el propio aterrizaje.",
        },
        "ar": {
            "title": "لقاء ناسا الافتراضي: بيرسيفيرانس تهبط على المريخ",
            "summary": "فعالية ناسا على وسائل التواصل الاجتماعي للهبوط: إحاطات وأحاديث من وراء الكواليس وحفل لمشاهدة الهبوط مع عشاق الفضاء.",
            "description": "يجمع لقاء ناسا الافتراضي عشاق الفضاء على الإنترنت من أجل الهبوط: أخبار المهمة، وأحاديث مع من بنوا المركبة، والهبوط نفسه.",
        },
    },
    "perseverance-virtual-guest-experience": {
        "es": {
            "title": "Experiencia virtual para invitados de Perseverance",
            "summary": "La experiencia virtual de la NASA para el público: recursos, actividades y un sello de pasaporte virtual para seguir el aterrizaje desde casa.",
            "description": "Los invitados registrados reciben novedades de la misión, actividades y la ocasión de conseguir un sello de pasaporte virtual por el aterrizaje.",
        },
        "ar": {
            "title": "تجربة الضيوف الافتراضية لبيرسيفيرانس",
            "summary": "تجربة ناسا الافتراضية للجمهور: موارد وأنشطة وختم جواز سفر افتراضي لمتابعة الهبوط من البيت.",
            "description": "يتلقى الضيوف المسجلون أخبار المهمة وأنشطة وفرصة الحصول على ختم جواز سفر افتراضي بمناسبة الهبوط.",
        },
    },
}
