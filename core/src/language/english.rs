//! The interface in English.

use super::{NoticeWords, Words};

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub(super) static WORDS: Words = Words {
    skip_link: "Skip to main content",
    tagline: "Tell us what you think",
    need_to_talk: "Need to talk?",
    this_device: "This device",
    leave_kiosk: "Leave kiosk mode",
    footer_privacy: "Tellus never asks for your name. It uses no cookies and no tracking, and sends nothing to anyone else.",
    back: "Back",
    there_is_a_problem: "There is a problem",
    error_prefix: "Error: ",
    language: "Language",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    audiences: [
        "Children and young people",
        "Parents and carers",
        "Professionals and partners",
    ],
    have_your_say: "Have your say",
    choose_survey: "Choose the survey that is for you.",
    loading_surveys: "Loading surveys…",
    no_surveys: "There are no surveys open at the moment.",
    at_an_event: "At an event?",
    join_with_code: "Join with the code on the screen",
    see_all_surveys: "See all surveys",
    page_not_found: "Page not found",
    typed_address: "If you typed the web address, check it is correct.",
    followed_link: "If you followed a link or scanned a code, ask the person who gave it to you for a new one.",
    loading_survey: "Loading the survey…",
    survey_not_found: "Survey not found",
    cannot_find_survey: "We cannot find this survey",
    link_may_be_wrong: "The link may be wrong, or the survey may have closed. Ask the person who gave you the link.",
    sorry_problem: "Sorry, there is a problem",
    answers_kept_here: "Any answers you have already given are saved on this device.",
    try_again: "Try again",
    answered_on_device: |n| {
        format!(
            "You have answered {} on this device.",
            plural(n, "question", "questions")
        )
    },
    start_again: "Start again with no answers",
    who_is_asking_child: "Who is asking?",
    who_is_asking: "Who is asking and why",
    what_happens_to_answers: "What happens to your answers",
    closes_on: |date| format!("The survey closes on {date}."),
    carry_on: "Carry on",
    start_now: "Start now",
    privacy_summary_child: "How we look after your answers",
    privacy_summary: "Privacy: how we look after your answers",
    said_did_link: "See what is being done about what people told us: you said, we did",
    kept_for_months: |m| format!("{m} months after the survey closes"),
    kept_as_needed: "only as long as the review needs them",
    ask_who_gave_survey: |who| {
        format!("{who} (ask whoever gave you this survey how to reach them)")
    },
    notice_why: "Why",
    notice_who_sees: "Who sees your answers",
    notice_how_long: "How long we keep them",
    notice_child_keep: NoticeWords {
        heading: "What we keep",
        text: "Only your answers. We do not ask your name, and we do not know who you are.",
    },
    notice_child_why: "To help make therapy better for children like you.",
    notice_child_who_sees: "The people running this review. If you tell us someone is hurting you, a grown-up whose job is keeping children safe will see it too, so they can help.",
    notice_child_how_long: |kept| format!("We keep your answers {kept}, then delete them."),
    notice_child_changed_mind: NoticeWords {
        heading: "Changed your mind?",
        text: "You can take your answers back with the code you get at the end. A grown-up can help you.",
    },
    notice_what_we_collect: NoticeWords {
        heading: "What we collect",
        text: "Your answers only. We do not ask for your name or contact details, and the service sets no cookies and no tracking. Please do not write names in your answers; if you do, we remove them from anything we publish.",
    },
    notice_who_sees_text: "The people running the review read answers; published summaries show only themes, counts and anonymised quotes. Answers suggesting a child may be at risk are passed to a safeguarding lead.",
    notice_how_long_text: |kept| format!("Answers are kept {kept}, then deleted for good."),
    notice_choices: NoticeWords {
        heading: "Your choices",
        text: "Every question can be skipped unless it says otherwise. You will get a receipt code at the end: use it to withdraw your answers before the survey closes.",
    },
    notice_contact: "Who to contact",
    question_of: |n, total| format!("Question {n} of {total}"),
    continue_: "Continue",
    optional: "(optional)",
    easier_words: "Easier words",
    listen: "Listen",
    listen_to_question: "Listen to the question",
    listen_to: |text| format!("Listen: {text}"),
    safe_notice: "If you tell us someone is hurting you, we will tell a grown-up who can help keep you safe.",
    or: "or",
    move_up: "Move up",
    move_down: "Move down",
    now_number: |label, n, count| format!(": {label}, now number {n} of {count}"),
    moved_to: |label, n, count| format!("{label} is now number {n} of {count}"),
    keep_order: "Keep this order",
    order_saved: "Your order is saved",
    characters_left: |n| {
        format!(
            "You have {} remaining",
            plural(n, "character", "characters")
        )
    },
    characters_over: |n| format!("You have {} too many", plural(n, "character", "characters")),
    dont_know: "I don't know",
    rather_not_say: "I'd rather not say",
    faces_3: ["Happy", "OK", "Sad"],
    faces_5: ["Really happy", "Happy", "OK", "Sad", "Really sad"],
    agreement: [
        "Strongly agree",
        "Agree",
        "Neither agree nor disagree",
        "Disagree",
        "Strongly disagree",
    ],
    yes_no: ["Yes", "No", "Not sure"],
    answered_how: ["On my own", "With help", "Someone answered for me"],
    choose_face: "Choose the face that fits best",
    choose_at_least_one: "Choose at least one answer",
    write_answer: "Write your answer in the box",
    put_in_order: "Put the options in order, or choose Keep this order",
    enter_number: "Enter a number",
    choose_answer: "Choose an answer",
    not_offered: "That answer is not offered for this question",
    choose_shown: "Choose one of the answers shown",
    not_one_shown: |bad| format!("'{bad}' is not one of the answers shown"),
    each_once: "Choose each answer only once",
    choose_up_to: |max| format!("Choose up to {max} answers"),
    point_from: |top| format!("Choose a point from 1 to {top}"),
    rank_each_once: "Put every option in order, each once",
    number_between: |lo, hi, unit| format!("Enter a number from {lo} to {hi}{unit}"),
    number_at_least: |lo, unit| format!("Enter a number of at least {lo}{unit}"),
    number_at_most: |hi, unit| format!("Enter a number of at most {hi}{unit}"),
    whole_number: "Enter a whole number, like 3",
    too_long: |max, has| format!("Your answer must be {max} characters or fewer (it has {has})"),
    wrong_type: "This kind of answer does not fit the question",
    not_asked: "This question is not asked after your earlier answers",
    no_such_question: |id| format!("There is no question '{id}' in this survey"),
    check_answers: "Check your answers",
    not_answered: "Not answered",
    change: "Change",
    answer: "Answer",
    your_answer_to: |q| format!(" your answer to: {q}"),
    now_send: "Now send your answers",
    send_explain: "When you press the button, your answers go to the people running this survey. They will not know who you are.",
    send_answers: "Send my answers",
    sending: "Sending your answers…",
    send_failed_offline: "We could not send your answers because the connection dropped. They are saved on this device: check the wifi and press Send my answers again.",
    thank_you_title: "Thank you: your answers have been sent",
    thank_you: "Thank you",
    answers_sent: "Your answers have been sent",
    answers_saved: "Your answers are saved and will be sent",
    what_happens_next: "What happens next",
    receipt_code: "Your receipt code",
    receipt_explain: |until| {
        let until = until.map(|d| format!(" before {d}")).unwrap_or_default();
        format!(
            "If you change your mind, you can take your answers back{until} with this code. Write it down or take a photo of it. Nobody else can see which answers are yours."
        )
    },
    take_answers_back: "Take my answers back",
    next_person: "Next person",
    restarts_in: |s| format!("The survey starts again for the next person in {s} seconds."),
    answer_again: "Answer the survey again for someone else on this device",
    take_back_title: "Take your answers back",
    take_back_intro: "Changed your mind? Enter the receipt code you got at the end of the survey. Your answers will be deleted for good. You can do this until the survey closes.",
    receipt_code_label: "Receipt code",
    receipt_code_hint: "8 letters and numbers, like ABCD-1234",
    enter_receipt_code: "Enter the receipt code from the end of the survey",
    code_format: "Enter the code exactly as it was shown, like ABCD-1234",
    code_not_found: "There are no answers with this code. Check the code and try again.",
    withdrawal_closed: "This survey has closed, so answers can no longer be taken back. They stay anonymous.",
    too_many_tries: "Too many codes have been tried. Wait a few minutes, then try again.",
    taken_back_title: "Your answers have been taken back",
    taken_back_body: "They are deleted and will not be used.",
    no_connection: "We could not reach the server. Check the internet connection and try again.",
    answers_on_device: "Answers on this device",
    refused_by_server: |n| {
        format!(
            "{} refused by the server. Download them and give the file to the person running the consultation.",
            plural(n, "answer was", "answers were")
        )
    },
    device_explain: "If this device cannot connect before the event ends, download the waiting answers and give the file to the person running the consultation. Nothing is lost and nothing is counted twice.",
    download_waiting: "Download waiting answers",
    nothing_waiting: "There are no answers waiting on this device.",
    downloaded: |n| {
        format!(
            "Downloaded {}. Import the file on the server with: tellus import-queue FILE",
            plural(n, "waiting answer", "waiting answers")
        )
    },
    file_failed: |e| format!("The file could not be made: {e}"),
    shared_tablet: "Shared tablet",
    set_up_kiosk: "Set up kiosk mode for a survey",
    pin: "PIN",
    pin_wrong: "The PIN is not right. Ask the person who set up this tablet",
    help_intro: "If you are worried, or someone is hurting you, talk to a grown-up you trust. That could be a teacher, your mum, dad or carer, or the person helping you with this survey.",
    call: "Call ",
    childline_free: ". It is free, and the number does not show on phone bills. You can talk to Childline about anything, day or night.",
    in_danger_now: "If you are in danger now",
    near_you: "Near you",
    help_answers_kept: "Your answers so far are kept on this device. You can carry on with the survey whenever you are ready.",
    still_there: "Are you still there?",
    cleared_in: |s| {
        format!("Your answers will be cleared in {s} seconds so the next person can start.")
    },
    still_here: "I'm still here",
    all_sent: "All answers sent",
    waiting_to_send: |n| format!("{} waiting to send", plural(n, "answer", "answers")),
    saved_offline: |n| {
        if n == 1 {
            "1 answer saved on this device. It will be sent when there is a connection.".into()
        } else {
            format!(
                "{n} answers saved on this device. They will be sent when there is a connection."
            )
        }
    },
};
