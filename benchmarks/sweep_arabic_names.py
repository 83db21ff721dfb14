"""Sweep: Arabic-script names of Cambodian provinces and towns added as aliases in round 11c
(r11c-names: باتامبانغ, كامبونغ تشام, كراتيه, بريه فيهير, سييم ريب, سيم ريب, پنوم پنه), and
ordinary Arabic words, which must give no place.

Positives: each alias alone and after the Arabic admin words محافظة, مقاطعة and (for towns)
مدينة; right when the alias's province comes back. Negatives: the words of ordinary sentences
of Arabic pages on Cambodia (place names left out), alone and in adjacent pairs, and each word
after محافظة and مدينة: each should give nothing.

Run: ``python benchmarks/sweep_arabic_names.py``.
"""

from __future__ import annotations

import time

from _sweep import answer, print_cpu

ALIASES = {
    "باتامبانغ": "02",
    "كامبونغ تشام": "03",
    "كراتيه": "10",
    "بريه فيهير": "13",
    "سييم ريب": "17",
    "سيم ريب": "17",
    "پنوم پنه": "12",
}
FRAMES = ("{}", "محافظة {}", "مقاطعة {}", "في مدينة {}")
SENTENCES = (
    "تقع المملكة في جنوب شرق آسيا وتشغل موقعا استراتيجيا وسط طرق التجارة البرية والنهرية "
    "الهامة وتشكل حلقة وصل بين الصين والهند ومنطقة جنوب شرق آسيا مما جعلها مركزا لنقل "
    "الحضارة على مدى ألفي عام عاصمتها تتأثر بالعديد من الثقافات مثل الثقافات الآسيوية "
    "والفرنسية والأمريكية شهد القرن الثاني عشر عصرا ذهبيا حيث بني المعبد الشهير في الفترة "
    "عاشت المملكة فترة تحت حكم ملوك هندوسيين وقد اعتبرت هذه الفترة فخرا للشعب بعد ذلك تحولت "
    "الديانة السائدة إلى البوذية وانتقلت العاصمة كانت تحت الحماية الفرنسية حتى حصلت على "
    "استقلالها تعد ملكية دستورية وفقا لدستور الملك هو رئيس الدولة بينما ينتخب رئيس الحكومة "
    "من قبل الشعب النظام السياسي يضم ثلاث سلطات التنفيذية التشريعية والقضائية يتكون البرلمان "
    "من مجلسين مجلس الشيوخ ومجلس النواب يتميز العلم بالألوان الأحمر والأزرق والأبيض حيث يرمز "
    "الأحمر لشجاعة الأمة والأبيض للنقاء والأزرق للتعاون والوحدة وهي واحدة من أكبر المقاطعات "
    "من حيث المساحة والسكان تحدها مقاطعات أخرى تعتبر المقاطعة ذات أهمية اقتصادية كبيرة خاصة "
    "في قطاع الزراعة يتميز مناخها بأنه استوائي رطب مع موسم جاف وموسم ممطر تاريخيا كانت مركزا "
    "هاما للحضارة والثقافة الخميرية وقد شهدت المنطقة العديد من التغيرات السياسية والاجتماعية "
    "على مر القرون خلال فترة الاستعمار الفرنسي أصبحت منطقة ذات أهمية إستراتيجية كما شهدت "
    "صراعات خلال فترة الحرب الأهلية الاقتصاد يعتمد بشكل كبير على الزراعة تشتهر بإنتاج المطاط "
    "الذي يعتبر من المحاصيل الرئيسية بالإضافة إلى ذلك تزرع الأرز والذرة والفواكه والخضروات "
    "تربية الحيوانات جزءا هاما من الاقتصاد المحلي تشكل السياحة قطاعا متناميا حيث تجذب الزوار "
    "بفضل مواقعها التاريخية والثقافية وطبيعتها الخلابة السكان متنوعون حيث يمثل الخمير الغالبية "
    "العظمى هناك أيضا أقليات عرقية أخرى مثل الفيتناميين هاجمت قوات مدينة ومطارها مما أسفر عن "
    "مقتل وإصابة على الأقل وإلحاق أضرار بتسع طائرات العاصمة والمدينة الأكثر اكتظاظا بالسكان "
    "لقد كانت العاصمة الوطنية منذ الحماية ونمت لتصبح المركز الاقتصادي والصناعي والثقافي للبلاد "
    "كانت المدينة تعمل سابقا كمركز معالجة مع المنسوجات والأدوية وتصنيع الآلات وطحن الأرز "
    "الشرطة مداهمة مبنى احتيال إلكتروني مجمع عمال أجانب إنقاذ مواطنين كازينو الحدود فندق "
    "حريق بلدة الحدودية الاحتيال الإلكتروني ضحايا الاتجار بالبشر السفارة وزارة الخارجية "
    "ريب ريبة بنه بنت فيها فيه تشام شام كرات كراته بريه باتا ستة سيم سيما"
)


def main() -> None:
    """Print the sweep's tallies (positives right / elsewhere, negatives nothing / placed)."""
    start = time.process_time()
    right = wrong = 0
    for alias, code in ALIASES.items():
        for frame in FRAMES:
            got = answer(frame.format(alias))
            if any(p == code for p, _ in got):
                right += 1
            else:
                wrong += 1
                print("MISS", frame.format(alias), got)
    print(f"positives: right {right}/{right + wrong}")
    words = SENTENCES.split()
    negatives = set(words)
    negatives |= {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}
    negatives |= {f"محافظة {w}" for w in words} | {f"في مدينة {w}" for w in words}
    placed = [s for s in sorted(negatives) if answer(s)]
    for s in placed:
        print("PLACED", s, answer(s))
    print(
        f"negatives: {len(set(words))} words, {len(negatives)} strings: "
        f"nothing {len(negatives) - len(placed)}/{len(negatives)}"
    )
    print_cpu(start)


if __name__ == "__main__":
    main()
