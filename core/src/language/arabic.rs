//! الواجهة بالعربية (the interface in Arabic). Counts of months and seconds follow Arabic's
//! number agreement; other counts are phrased as "label: n" to need none.

use super::{EventWords, NoticeWords, Words};

/// A count with its noun as Arabic says it: one, two (dual), 3 to 10 (plural), 11 and up.
fn count(n: u32, one: &str, two: &str, few: &str, many: &str) -> String {
    match n {
        1 => one.to_string(),
        2 => two.to_string(),
        3..=10 => format!("{n} {few}"),
        _ => format!("{n} {many}"),
    }
}

fn seconds(n: u32) -> String {
    count(n, "ثانية واحدة", "ثانيتين", "ثوانٍ", "ثانية")
}

pub(super) static WORDS: Words = Words {
    skip_link: "انتقل إلى المحتوى الرئيسي",
    tagline: "أخبرنا برأيك",
    need_to_talk: "هل تحتاج إلى التحدث مع أحد؟",
    this_device: "هذا الجهاز",
    leave_kiosk: "الخروج من وضع الكشك",
    footer_privacy: "لا يطلب Tellus اسمك أبدًا. لا يستخدم ملفات تعريف الارتباط ولا أي تتبع، ولا يرسل شيئًا إلى أي جهة أخرى.",
    back: "رجوع",
    there_is_a_problem: "هناك مشكلة",
    error_prefix: "خطأ: ",
    language: "اللغة",
    months: [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
    audiences: [
        "الأطفال والشباب",
        "الآباء والأمهات ومقدمو الرعاية",
        "المختصون والشركاء",
    ],
    have_your_say: "شارك برأيك",
    choose_survey: "اختر الاستبيان المخصص لك.",
    loading_surveys: "جارٍ تحميل الاستبيانات…",
    no_surveys: "لا توجد استبيانات مفتوحة حاليًا.",
    at_an_event: "هل أنت في فعالية؟",
    join_with_code: "انضم باستخدام الرمز الظاهر على الشاشة",
    see_all_surveys: "عرض كل الاستبيانات",
    page_not_found: "الصفحة غير موجودة",
    typed_address: "إذا كتبت عنوان الموقع بنفسك، فتأكد من صحته.",
    followed_link: "إذا اتبعت رابطًا أو مسحت رمزًا، فاطلب رابطًا جديدًا من الشخص الذي أعطاك إياه.",
    loading_survey: "جارٍ تحميل الاستبيان…",
    survey_not_found: "الاستبيان غير موجود",
    cannot_find_survey: "لا يمكننا العثور على هذا الاستبيان",
    link_may_be_wrong: "ربما يكون الرابط خاطئًا، أو ربما أُغلق الاستبيان. اسأل الشخص الذي أعطاك الرابط.",
    sorry_problem: "عذرًا، هناك مشكلة",
    answers_kept_here: "كل الإجابات التي قدمتها حتى الآن محفوظة على هذا الجهاز.",
    try_again: "حاول مرة أخرى",
    answered_on_device: |n| format!("عدد الأسئلة التي أجبت عنها على هذا الجهاز: {n}."),
    start_again: "ابدأ من جديد بدون إجابات",
    who_is_asking_child: "من يسأل؟",
    who_is_asking: "من يسأل ولماذا",
    what_happens_to_answers: "ماذا يحدث لإجاباتك",
    closes_on: |date| format!("يُغلق الاستبيان في {date}."),
    carry_on: "تابِع",
    start_now: "ابدأ الآن",
    privacy_summary_child: "كيف نعتني بإجاباتك",
    privacy_summary: "الخصوصية: كيف نعتني بإجاباتك",
    said_did_link: "اطّلع على ما يُنفَّذ بناءً على ما أخبرنا به الناس: قلتم، ففعلنا",
    kept_for_months: |m| {
        let months = count(m, "شهرًا واحدًا", "شهرين", "أشهر", "شهرًا");
        format!("لمدة {months} بعد إغلاق الاستبيان")
    },
    kept_as_needed: "فقط طوال المدة التي تحتاجها المراجعة",
    ask_who_gave_survey: |who| format!("{who} (اسأل من أعطاك هذا الاستبيان عن طريقة التواصل معهم)"),
    notice_why: "لماذا",
    notice_who_sees: "من يرى إجاباتك",
    notice_how_long: "كم من الوقت نحتفظ بها",
    notice_child_keep: NoticeWords {
        heading: "ما الذي نحتفظ به",
        text: "إجاباتك فقط. لا نسألك عن اسمك، ولا نعرف من أنت.",
    },
    notice_child_why: "لكي نساعد في جعل العلاج أفضل للأطفال مثلك.",
    notice_child_who_sees: "الأشخاص الذين يديرون هذه المراجعة. إذا أخبرتنا أن أحدًا يؤذيك، فسيراها أيضًا شخص بالغ عمله حماية الأطفال، لكي يتمكن من المساعدة.",
    notice_child_how_long: |kept| format!("نحتفظ بإجاباتك {kept}، ثم نحذفها."),
    notice_child_changed_mind: NoticeWords {
        heading: "هل غيّرت رأيك؟",
        text: "يمكنك استرجاع إجاباتك بالرمز الذي تحصل عليه في النهاية. يمكن لشخص بالغ أن يساعدك.",
    },
    notice_what_we_collect: NoticeWords {
        heading: "ما الذي نجمعه",
        text: "إجاباتك فقط. لا نطلب اسمك أو بيانات الاتصال بك، ولا تستخدم الخدمة ملفات تعريف الارتباط ولا أي تتبع. يُرجى عدم كتابة أسماء في إجاباتك؛ وإن فعلت، فسنحذفها من كل ما ننشره.",
    },
    notice_who_sees_text: "يقرأ الإجابات الأشخاص الذين يديرون المراجعة؛ ولا تعرض الملخصات المنشورة إلا المواضيع والأعداد واقتباسات مجهولة المصدر. وتُحال الإجابات التي توحي بأن طفلًا قد يكون في خطر إلى مسؤول حماية الطفل.",
    notice_how_long_text: |kept| format!("نحتفظ بالإجابات {kept}، ثم نحذفها نهائيًا."),
    notice_choices: NoticeWords {
        heading: "خياراتك",
        text: "يمكنك تخطي أي سؤال ما لم يُذكر غير ذلك. ستحصل في النهاية على رمز إيصال: استخدمه لسحب إجاباتك قبل إغلاق الاستبيان.",
    },
    notice_contact: "بمن تتواصل",
    question_of: |n, total| format!("السؤال {n} من {total}"),
    continue_: "متابعة",
    optional: "(اختياري)",
    easier_words: "كلمات أسهل",
    listen: "استمع",
    listen_to_question: "استمع إلى السؤال",
    listen_to: |text| format!("استمع: {text}"),
    safe_notice: "إذا أخبرتنا أن أحدًا يؤذيك، فسنخبر شخصًا بالغًا يستطيع أن يساعد في الحفاظ على سلامتك.",
    or: "أو",
    move_up: "انقل إلى الأعلى",
    move_down: "انقل إلى الأسفل",
    now_number: |label, n, count| format!(": {label}، الآن في المرتبة {n} من {count}"),
    moved_to: |label, n, count| format!("{label} الآن في المرتبة {n} من {count}"),
    keep_order: "أبقِ هذا الترتيب",
    order_saved: "تم حفظ ترتيبك",
    characters_left: |n| format!("عدد الأحرف المتبقية: {n}"),
    characters_over: |n| format!("عدد الأحرف الزائدة: {n}"),
    dont_know: "لا أعرف",
    rather_not_say: "أفضّل ألا أقول",
    faces_3: ["سعيد", "لا بأس", "حزين"],
    faces_5: ["سعيد جدًا", "سعيد", "لا بأس", "حزين", "حزين جدًا"],
    agreement: [
        "أوافق بشدة",
        "أوافق",
        "لا أوافق ولا أعارض",
        "أعارض",
        "أعارض بشدة",
    ],
    yes_no: ["نعم", "لا", "لست متأكدًا"],
    answered_how: ["بمفردي", "بمساعدة", "أجاب شخص آخر عني"],
    choose_face: "اختر الوجه الأنسب لك",
    choose_at_least_one: "اختر إجابة واحدة على الأقل",
    write_answer: "اكتب إجابتك في المربع",
    put_in_order: "رتّب الخيارات، أو اختر «أبقِ هذا الترتيب»",
    enter_number: "أدخل رقمًا",
    choose_answer: "اختر إجابة",
    not_offered: "هذه الإجابة غير متاحة لهذا السؤال",
    choose_shown: "اختر إحدى الإجابات المعروضة",
    not_one_shown: |bad| format!("«{bad}» ليست من الإجابات المعروضة"),
    each_once: "اختر كل إجابة مرة واحدة فقط",
    choose_up_to: |max| format!("الحد الأقصى لعدد الإجابات: {max}"),
    point_from: |top| format!("اختر نقطة من 1 إلى {top}"),
    rank_each_once: "رتّب كل الخيارات، كل خيار مرة واحدة",
    number_between: |lo, hi, unit| format!("أدخل رقمًا من {lo} إلى {hi}{unit}"),
    number_at_least: |lo, unit| format!("أدخل رقمًا لا يقل عن {lo}{unit}"),
    number_at_most: |hi, unit| format!("أدخل رقمًا لا يزيد على {hi}{unit}"),
    whole_number: "أدخل عددًا صحيحًا، مثل 3",
    too_long: |max, has| {
        format!("يجب أن تكون إجابتك أقصر: الحد الأقصى لعدد الأحرف {max}، وفي إجابتك {has}")
    },
    wrong_type: "هذا النوع من الإجابات لا يناسب السؤال",
    not_asked: "لا يُطرح هذا السؤال بعد إجاباتك السابقة",
    no_such_question: |id| format!("لا يوجد سؤال «{id}» في هذا الاستبيان"),
    check_answers: "راجع إجاباتك",
    not_answered: "لم تتم الإجابة",
    change: "تغيير",
    answer: "أجب",
    your_answer_to: |q| format!(" إجابتك عن: {q}"),
    now_send: "أرسل إجاباتك الآن",
    send_explain: "عندما تضغط على الزر، تصل إجاباتك إلى الأشخاص الذين يديرون هذا الاستبيان. لن يعرفوا من أنت.",
    send_answers: "أرسل إجاباتي",
    sending: "جارٍ إرسال إجاباتك…",
    send_failed_offline: "لم نتمكن من إرسال إجاباتك لأن الاتصال انقطع. إجاباتك محفوظة على هذا الجهاز: تحقق من شبكة الواي فاي ثم اضغط «أرسل إجاباتي» مرة أخرى.",
    thank_you_title: "شكرًا لك: تم إرسال إجاباتك",
    thank_you: "شكرًا لك",
    answers_sent: "تم إرسال إجاباتك",
    answers_saved: "إجاباتك محفوظة وسيتم إرسالها",
    what_happens_next: "ماذا يحدث بعد ذلك",
    receipt_code: "رمز الإيصال الخاص بك",
    receipt_explain: |until| {
        let until = until.map(|d| format!(" قبل {d}")).unwrap_or_default();
        format!(
            "إذا غيّرت رأيك، يمكنك استرجاع إجاباتك{until} بهذا الرمز. اكتبه أو التقط له صورة. لا يستطيع أحد غيرك معرفة أي الإجابات تخصك."
        )
    },
    take_answers_back: "استرجع إجاباتي",
    next_person: "الشخص التالي",
    restarts_in: |s| format!("سيبدأ الاستبيان من جديد للشخص التالي بعد {}.", seconds(s)),
    answer_again: "أجب عن الاستبيان مرة أخرى لشخص آخر على هذا الجهاز",
    take_back_title: "استرجع إجاباتك",
    take_back_intro: "هل غيّرت رأيك؟ أدخل رمز الإيصال الذي حصلت عليه في نهاية الاستبيان. ستُحذف إجاباتك نهائيًا. يمكنك فعل ذلك حتى يُغلق الاستبيان.",
    receipt_code_label: "رمز الإيصال",
    receipt_code_hint: "8 حروف وأرقام لاتينية، مثل ABCD-1234",
    enter_receipt_code: "أدخل رمز الإيصال الذي ظهر في نهاية الاستبيان",
    code_format: "أدخل الرمز كما ظهر تمامًا، مثل ABCD-1234",
    code_not_found: "لا توجد إجابات بهذا الرمز. تحقق من الرمز وحاول مرة أخرى.",
    withdrawal_closed: "أُغلق هذا الاستبيان، لذا لم يعد ممكنًا استرجاع الإجابات. تبقى الإجابات مجهولة المصدر.",
    too_many_tries: "جُرّبت رموز كثيرة جدًا. انتظر بضع دقائق، ثم حاول مرة أخرى.",
    taken_back_title: "تم استرجاع إجاباتك",
    taken_back_body: "لقد حُذفت ولن تُستخدم.",
    no_connection: "تعذّر الوصول إلى الخادم. تحقق من الاتصال بالإنترنت وحاول مرة أخرى.",
    answers_on_device: "الإجابات على هذا الجهاز",
    refused_by_server: |n| {
        format!("إجابات رفضها الخادم: {n}. نزّلها وأعطِ الملف للشخص الذي يدير الاستشارة.")
    },
    device_explain: "إذا لم يتمكن هذا الجهاز من الاتصال قبل انتهاء الفعالية، فنزّل الإجابات المنتظرة وأعطِ الملف للشخص الذي يدير الاستشارة. لن يضيع شيء ولن يُحسب شيء مرتين.",
    download_waiting: "نزّل الإجابات المنتظرة",
    nothing_waiting: "لا توجد إجابات تنتظر على هذا الجهاز.",
    downloaded: |n| {
        format!(
            "تم تنزيل الإجابات المنتظرة: {n}. استورد الملف على الخادم بالأمر: tellus import-queue FILE"
        )
    },
    file_failed: |e| format!("تعذّر إنشاء الملف: {e}"),
    shared_tablet: "جهاز لوحي مشترك",
    set_up_kiosk: "إعداد وضع الكشك لاستبيان",
    kiosk_locked: "هذا الجهاز اللوحي في وضع الكشك لاستبيان واحد. اخرج من وضع الكشك أولًا (يلزم رمز PIN) لرؤية ما ينتظر الإرسال أو تنزيله.",
    pin: "الرمز السري",
    pin_wrong: "الرمز السري غير صحيح. اسأل الشخص الذي أعدّ هذا الجهاز اللوحي",
    help_intro: "إذا كنت قلقًا، أو كان أحد يؤذيك، فتحدّث إلى شخص بالغ تثق به. قد يكون معلمًا، أو أمك أو أباك أو من يرعاك، أو الشخص الذي يساعدك في هذا الاستبيان.",
    call: "اتصل بالرقم ",
    childline_free: ". الاتصال مجاني، ولا يظهر الرقم في فاتورة الهاتف. يمكنك التحدث إلى Childline عن أي شيء، ليلًا أو نهارًا.",
    in_danger_now: "إذا كنت في خطر الآن",
    near_you: "بالقرب منك",
    help_answers_kept: "إجاباتك حتى الآن محفوظة على هذا الجهاز. يمكنك متابعة الاستبيان متى كنت مستعدًا.",
    still_there: "هل ما زلت هنا؟",
    cleared_in: |s| {
        format!(
            "ستُمسح إجاباتك بعد {} ليتمكن الشخص التالي من البدء.",
            seconds(s)
        )
    },
    still_here: "ما زلت هنا",
    all_sent: "تم إرسال كل الإجابات",
    waiting_to_send: |n| format!("إجابات تنتظر الإرسال: {n}"),
    saved_offline: |n| format!("إجابات محفوظة على هذا الجهاز: {n}. سيتم إرسالها عند توفر الاتصال."),
    event: &EVENT,
};

pub(super) static EVENT: EventWords = EventWords {
    footer: "لا يطلب Tellus اسمك أبدًا. يحتفظ هذا الجهاز برقم عشوائي فقط ليتمكن من العودة إلى الفعالية. لا ملفات تعريف ارتباط، ولا تتبع، ولا يُرسل شيء إلى أي جهة أخرى.",
    join_title: "الانضمام إلى فعالية",
    join_intro: "شارك في ورشة عمل أو اجتماع من هذا الهاتف أو الجهاز اللوحي. لا تحتاج إلى حساب، ولا نسألك عن اسمك أبدًا.",
    code_label: "رمز الفعالية",
    code_hint: "6 أحرف وأرقام، تظهر على الشاشة في القاعة",
    code_error: "أدخل الأحرف والأرقام الستة الظاهرة على الشاشة، مثل K7M 2QX",
    group_label: "الطاولة أو المجموعة (اختياري)",
    group_hint: "فقط إذا طلب الميسّر ذلك، مثل طاولة 2. وليس اسمك.",
    join: "انضمام",
    event: "فعالية",
    now: |title| format!("الآن: {title}"),
    has_closed: |title| format!("أُغلق: {title}"),
    waiting: "بانتظار النشاط التالي",
    keep_open: "أبقِ هذه الصفحة مفتوحة. ستتغير من تلقاء نفسها عندما يبدأ الميسّر نشاطًا.",
    ready_next: "جاهز للشخص التالي",
    next_person: "هل ستعطي هذا الجهاز لشخص آخر؟ ابدأ كشخص جديد",
    not_found: "لم نتمكن من العثور على تلك الفعالية",
    enter_again: "أدخل الرمز مرة أخرى",
    reconnecting: "جارٍ إعادة الاتصال… مكانك وما أرسلته محفوظان.",
    ended: "انتهت هذه الفعالية",
    ended_thanks: "شكرًا لمشاركتك. ما قلته سيُضاف إلى الاستشارة مع كل ما أخبرنا به الآخرون.",
    see_said_did: "اطّلع على ما يُنجز: قلتم، ففعلنا",
    activity_closed: "أُغلق هذا النشاط. شكرًا لك.",
    results_in_room: "ستظهر النتائج على الشاشة في القاعة.",
    results: "النتائج",
    results_so_far: "النتائج حتى الآن",
    no_notes: "لا توجد ملاحظات بعد.",
    idea_wall: "جدار الأفكار",
    which_prompt: "عن أي سؤال تتحدث ملاحظتك؟",
    your_idea: "فكرتك",
    idea_hint: "بضع كلمات، مثل ورقة ملاحظات لاصقة. من فضلك لا تكتب اسم أي شخص.",
    note_needed: "اكتب فكرتك أو اختر صورة",
    note_too_long: "ملاحظتك طويلة جدًا. اجعلها أقصر، أو انشر ملاحظتين",
    add_picture: "أو أضف صورة (اختياري)",
    posting: "جارٍ النشر…",
    post_note: "انشر ملاحظتي",
    note_posted: "ملاحظتك على الجدار. يمكنك نشر ملاحظة أخرى.",
    your_notes: "ملاحظاتك",
    symbols: [
        "سعيد",
        "حزين",
        "قلق",
        "لديّ فكرة",
        "أحتاج إلى مساعدة",
        "الانتظار طويل جدًا",
        "الأصدقاء",
        "المدرسة",
        "البيت",
        "الكلام",
        "اليدان والمهارات اليومية",
        "الحركة",
    ],
    dot_voting: "التصويت بالنقاط",
    dots,
    you_have: |n| format!("لديك {}. ضعها على ما يهمك أكثر.", dots(n)),
    up_to_on_one: |n| format!(" حتى {} على خيار واحد.", dots(n)),
    dots_left: |n| format!("المتبقي: {}", dots(n)),
    placed: |n, label, left| format!("{} على {label}. المتبقي: {}.", dots(n), dots(left)),
    no_dots_left: "لم تتبقَّ لديك نقاط. أزل نقطة من خيار آخر أولًا.",
    most_on_one: |label, n| {
        format!("وصل {label} إلى أكبر عدد من النقاط يمكن أن يحصل عليه خيار واحد ({n}).")
    },
    none_to_take: |label| format!("لا توجد نقاط لإزالتها من {label}."),
    take_dot: |label| format!("أزل نقطة من {label}"),
    add_dot: |label| format!("أضف نقطة إلى {label}"),
    dot_needed: "ضع نقطة واحدة على الأقل، ثم احفظ",
    dots_saved: "حُفظت نقاطك. يمكنك تغييرها حتى يُغلق التصويت.",
    saving: "جارٍ الحفظ…",
    save_dots: "احفظ نقاطي",
    answers_saved: "شكرًا لك. حُفظت إجاباتك. يمكنك تغييرها حتى يُغلق هذا النشاط.",
    change_answers: "غيّر إجاباتي",
    your_answers: "إجاباتك",
    send: "إرسال",
    step_of: |title, n, total| format!("{title} – {n} من {total}"),
};

fn dots(n: u32) -> String {
    count(n, "نقطة واحدة", "نقطتان", "نقاط", "نقطة")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_with_arabic_numbers() {
        assert_eq!(seconds(1), "ثانية واحدة");
        assert_eq!(seconds(2), "ثانيتين");
        assert_eq!(seconds(5), "5 ثوانٍ");
        assert_eq!(seconds(20), "20 ثانية");
        assert!((WORDS.kept_for_months)(12).contains("12 شهرًا"));
        assert!((WORDS.kept_for_months)(6).contains("6 أشهر"));
    }
}
