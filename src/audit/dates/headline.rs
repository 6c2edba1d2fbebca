//! Headlines: whether one announces what is to come or reports what was
//! done, in the forms of Korean, Chinese, Japanese, English and other
//! European headlines.

use std::sync::LazyLock;

use regex::Regex;

use crate::word_regex::WordRegex;

/// Whether a headline (or a claim) announces what is to come rather than
/// reporting what happened: an announcement form of its language. Korean
/// 예정, 계획, 방침, 추진 …; Chinese 将, 拟, 计划; Japanese 予定, 方針 and a
/// clause ending in `へ` (`利下げへ`); English `will`, `plans`, `set to`,
/// `expected to` … and `to` + verb as the headline's main verb (`North
/// Korea to launch satellite`), not any `to` (`China Makes Record Cut to
/// Five-Year Loan Prime Rate` reports a cut made).
pub(super) fn announces(text: &str) -> bool {
    static EAST_ASIAN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            // Korean
            r"예정|계획|방침|전망|추진|검토|예고|통보|임박|앞두고|키로|하기로|할 것|될 것|유력|가능성",
            // Korean: a time ahead of the headline's own day
            r"|내년|내달|다음\s?달|연내",
            // Chinese
            r"|将|拟|计划|預計|预计|准备|明年|下月",
            // Japanese: `へ` closing a clause, not `へ` inside a word
            r"|予定|方針|計画|見通し|検討|来年|来月|へ(?:$|[、，,。…」』\s])",
        ))
        .expect("regex")
    });
    static ENGLISH: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(concat!(
            r"(?i)\b(?:will|plans?|planning|mulls?|weighs|considers|eyes",
            r"|(?:set|expected|scheduled|poised|aims?|seeks?|due|likely|ready) to",
            r"|next (?:year|month|week)",
            // French, German, Spanish: the future and the verbs of a plan
            r"|va|vont|devrait|devraient|prévoit|prévoient|envisage|pourrait|veut|veulent",
            r"|soll|sollen|plant|wird|werden|prevé|planea|va a)\b",
        ))
        .expect("regex")
    });
    EAST_ASIAN.is_match(text) || ENGLISH.is_match(text) || to_is_main_verb(text)
}

/// Whether a headline says in so many words that an event is done, which a
/// Korean headline's bare noun (`협의체 발족`) does not: a verb in the past
/// tense (`문 열었다`, `합의했다`), the time elapsed since the event (`시행
/// 한 달`, `출범 100일`, `도입 3년 만에`), or the holder an election or an
/// appointment made (`새 총재에 ○○`, `신임 대표에 ○○`); in a European
/// language, a verb of decision or completion (`adopts`, `signed`,
/// `approuve`, `beschließt`), not any present tense (`Makers brace for …`
/// speaks of what is to come).
pub(super) fn reports_done(headline: &str) -> bool {
    static DECIDED: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(concat!(
            r"(?i)\b(?:adopts?|adopted|approves?|approved|pass(?:es|ed)|elects?|elected",
            r"|appoints?|appointed|signed|ratif(?:ies|ied)|launche[sd]|opened",
            r"|wins|won|concludes|concluded|agrees|agreed|enacts?|enacted|t(?:akes|ook) effect",
            r"|adopte|adoptent|adopté|approuve|approuvé|signe|signé|élit|élu|nomme|nommé",
            r"|conclut|entre en vigueur|beschließt|beschlossen|verabschiedet|billigt",
            r"|gewählt|unterzeichnet|aprueba|aprobó|firmó)\b",
        ))
        .expect("regex")
    });
    if announces(headline) {
        return false;
    }
    if DECIDED.is_match(headline) {
        return true;
    }
    static PAST_OR_HOLDER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"[었았였했됐졌쳤났섰웠렸겼켰왔갔봤줬]다(?:$|[^가-힣])",
            r"|(?:새|신임)\s*[가-힣]+에\s*[가-힣A-Za-z]",
        ))
        .expect("regex")
    });
    PAST_OR_HOLDER.is_match(headline) || states_time_since(headline)
}

/// Whether a headline states the time elapsed since an event (`시행 한
/// 달…`, not `시행 한 달 앞두고` or `1년 전`): it reports the event as past
/// even where the claim gives its day as an effective date, which articles
/// otherwise announce in advance.
pub(super) fn states_time_since(headline: &str) -> bool {
    // a count of days is no day of the month (`11일 발표`): three digits,
    // or followed by 째/만; the time ends the phrase (`시행 한 달…`,
    // `출범 100일,`, `도입 3년 만에`), so a duration (`6개월 연장`) is none
    static SINCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"[가-힣]\s+(?:(?:\d{1,3}|한|두|세|네|반|열)\s*(?:주일?|달|개월|년|주년)|(?:\d{3}|백)\s*일",
            r"|\d{1,2}\s*일\s*(?:째|만))",
            r"(?:\s*(?:째|만에|만)|\s*(?:$|[…,:;·\-–—]))",
        ))
        .expect("regex")
    });
    SINCE.is_match(headline) && !announces(headline)
}

/// Words after `to` that make it a preposition: numbers, determiners and
/// possessives, and the superlatives of a level reached (`to Record`).
const NOMINAL_AFTER_TO: &[&str] = &[
    "a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those", "one",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion", "trillion",
    "half", "record", "new", "lowest", "highest", "near", "zero",
];

/// `to` + verb as the headline's main verb: the first `to` of a clause,
/// after a subject that holds no verb, before a word that is no number,
/// determiner or level. The subject holds a verb when a word before its
/// head (its last word) reads as a finite verb, `-s` or `-ed` (`China
/// Makes Record Cut to …`); the head itself may end in `-s` (`Banks to
/// cut rates`), which a verb right before `to` (`Kim Returns to
/// Pyongyang`) also does, so that one reads as an announcement: the
/// finding is then not given, the safe side.
fn to_is_main_verb(headline: &str) -> bool {
    headline
        .split([':', ';', ',', '|', '—', '–'])
        .flat_map(|clause| clause.split(" - "))
        .any(|clause| {
            let words: Vec<&str> = clause
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '$'))
                .filter(|w| !w.is_empty())
                .collect();
            let Some(at) = words.iter().position(|w| w.eq_ignore_ascii_case("to")) else {
                return false;
            };
            let (subject, next) = (&words[..at], words.get(at + 1));
            let Some(next) = next else { return false };
            let first = next.split('-').next().unwrap_or(next).to_lowercase();
            let nominal = next.starts_with(|c: char| c.is_ascii_digit() || "$€£¥".contains(c))
                || NOMINAL_AFTER_TO.contains(&first.as_str());
            let verb_in_subject = subject
                .split_last()
                .is_some_and(|(_, before_head)| before_head.iter().any(|w| reads_as_verb(w)));
            !subject.is_empty() && !nominal && !verb_in_subject
        })
}

/// A headline word in a finite verb's form: `Makes`, `cuts`, `Raised`; not
/// a possessive (`Korea's`), an acronym (`US`), `-ss`/`-us`/`-is` words, or
/// a short word (`Fed`).
fn reads_as_verb(word: &str) -> bool {
    let lower = word.to_lowercase();
    let acronym = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase());
    let finite_s = lower.chars().count() >= 4
        && lower.ends_with('s')
        && !["ss", "us", "is", "'s", "’s"]
            .iter()
            .any(|e| lower.ends_with(e));
    let past = lower.chars().count() >= 5 && lower.ends_with("ed");
    !acronym && word.chars().all(|c| c.is_ascii_alphabetic()) && (finite_s || past)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn announcement_forms_in_four_languages() {
        for headline in [
            "북한, 위성 발사 예정",
            "정부, 반도체 지원 확대 방침",
            "한미, 연합훈련 재개 추진",
            "中国将下调贷款市场报价利率",
            "央行拟降准",
            "北朝鮮、衛星発射へ",
            "日銀、追加利上げへ 7月会合で",
            "政府、補正予算を編成する方針",
            "North Korea will launch a missile, Seoul says",
            "North Korea plans missile test",
            "China set to cut loan prime rate",
            "Fed expected to hold rates",
            "North Korea to launch satellite",
            "US Banks to Cut Rates",
            "North Korea's Kim to visit Russia",
            "Japan, South Korea to hold talks",
        ] {
            assert!(announces(headline), "{headline}");
        }
    }

    #[test]
    fn a_to_that_is_no_main_verb_is_no_announcement() {
        for headline in [
            "China Makes Record Cut to Five-Year Loan Prime Rate",
            "Fed Cuts Rates to Lowest Since 2008",
            "Biden Sends Envoy to Seoul",
            "Exports Rise to Record in March",
            "China raised its tariff to 25% on US goods",
            "Won falls to the weakest level",
            "북한, 동해상으로 탄도미사일 발사",
            "中国下调贷款市场报价利率",
            "日銀、マイナス金利を解除",
            "Trade deal signed",
        ] {
            assert!(!announces(headline), "{headline}");
        }
        assert!(reads_as_verb("Makes") && reads_as_verb("Slashed"));
        for word in ["Korea's", "US", "Fed", "Congress", "Banks1"] {
            assert!(!reads_as_verb(word), "{word}");
        }
    }

    #[test]
    fn headlines_that_say_an_event_is_done() {
        for headline in [
            "북부 공장 마침내 문 열었다",
            "노사, 임금 협상 타결했다",
            "신용카드 소득공제 확대 시행 두 달… 이용액 늘어",
            "주 4일제 도입 100일, 생산성은",
            "청년 지원금 시행 1년 만에 신청 50만 명",
            "여당 새 대표에 박○○…\"민생 우선\"",
            "중앙은행 신임 총재에 김○○ 임명",
            "Le Sénat approuve le budget rectificatif",
            "Bundestag beschließt Haushalt",
            "Council signed the accord in Vienna",
        ] {
            assert!(reports_done(headline), "{headline}");
        }
        for headline in [
            "협의체 발족…논의 시작",
            "새 제도 시행 한 달 앞두고 혼란",
            "시행 1년 전 준비 점검",
            "여당 새 대표에 박○○ 유력",
            "내달 새 총재에 김○○ 취임 예정",
            "정부, 내년 새 지원금 도입",
            "국회, 개정안 통과",
            "Le Sénat devrait approuver le budget",
            "Bundestag soll Haushalt beschließen",
            "Central bank to cut rates",
            "Carmakers brace for tariff shake-up as vote nears",
            "Joint Statement of the Ministers' Meeting",
        ] {
            assert!(!reports_done(headline), "{headline}");
        }
        assert!(states_time_since("보험 시행 세 달째… 가입 10만 명"));
        assert!(states_time_since("제도 시행 6개월, 효과는"));
        assert!(!states_time_since("제도 시행 6개월 앞두고"));
        assert!(!states_time_since("새 대표에 박○○"));
        // a year, a day of the month, a duration: no time since
        for headline in [
            "재무부 2024년 규정 발표",
            "한은, 금리 11일 결정",
            "유예 기간 6개월 연장",
        ] {
            assert!(!states_time_since(headline), "{headline}");
        }
    }
}
