//! The dictionary route: the ko-dic directory is found or built, loads, and
//! the project's user dictionary improves real phrases of the corpus.
use kcite::dict::ensure_dictionary;
use kcite::morphology::{Analyzer, expand_user_dictionary};

fn tagged(analyzer: &Analyzer, text: &str) -> Vec<String> {
    analyzer
        .morphemes(text)
        .into_iter()
        .map(|m| format!("{}/{}", m.surface, m.pos))
        .collect()
}

#[test]
fn builds_loads_and_tokenizes_the_reference_sentence() {
    let dir = ensure_dictionary(None).expect("dictionary");
    let analyzer = Analyzer::load(&dir).expect("analyzer");
    let got = tagged(
        &analyzer,
        "북한이 코로나19 종식을 공식 선언하면서 대외관계를 정상화할 것으로 예상되었음.",
    );
    assert_eq!(
        &got[..6],
        [
            "북한/NNP",
            "이/JKS",
            "코로나/NNP",
            "19/SN",
            "종식/NNG",
            "을/JKO"
        ]
    );
    assert_eq!(got.last().map(String::as_str), Some("./SF"));
}

#[test]
fn user_dictionary_keeps_domain_terms_whole() {
    let dir = ensure_dictionary(None).expect("dictionary");
    let plain = Analyzer::load_with_user_dictionary(&dir, None).expect("plain analyzer");
    let domain = Analyzer::load(&dir).expect("analyzer");
    // Real phrases of the bundled report that ko-dic alone splits wrongly.
    let cases = [
        ("추가 대북제재 결의안", "대북제재/NNG"),
        ("북중러 삼각 협력", "북중러/NNP"),
        ("왕야쥔 주북 중국대사", "왕야쥔/NNP"),
        ("효과적인 외화벌이 수단", "외화벌이/NNG"),
        ("쌍궤병진, 즉 북한 비핵화", "쌍궤병진/NNG"),
    ];
    for (phrase, whole) in cases {
        assert!(
            !tagged(&plain, phrase).iter().any(|t| t == whole),
            "ko-dic alone already has {whole}"
        );
        assert!(
            tagged(&domain, phrase).iter().any(|t| t == whole),
            "{phrase}: {:?}",
            tagged(&domain, phrase)
        );
    }
}

#[test]
fn particles_after_user_words_keep_their_tags() {
    let dir = ensure_dictionary(None).expect("dictionary");
    let analyzer = Analyzer::load(&dir).expect("analyzer");
    // open syllable takes 가, closed syllable takes 이: both must stay particles
    assert_eq!(tagged(&analyzer, "고려투어가")[1], "가/JKS");
    assert_eq!(tagged(&analyzer, "정찰위성이")[1], "이/JKS");
}

#[test]
fn user_rows_get_ko_dic_context_ids_by_final_consonant() {
    let rows = expand_user_dictionary("# comment\n단둥,NNP,단둥\n고려투어,NNP\n");
    let lines: Vec<&str> = rows.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with("단둥,1786,3546,") && lines[0].contains(",NNP,*,T,"));
    assert!(lines[1].starts_with("고려투어,1786,3545,") && lines[1].contains(",F,고려투어,"));
}

#[test]
fn tags_read_in_place_are_the_dictionarys_own() {
    use lindera::dictionary::{DictionaryBuilder, load_dictionary};
    use lindera::mode::Mode;
    use lindera::segmenter::Segmenter;
    use std::borrow::Cow;

    let dir = ensure_dictionary(None).expect("dictionary");
    let analyzer = Analyzer::load(&dir).expect("analyzer");
    // the same segmenter built the plain way, its tags read by lindera
    let dictionary = load_dictionary(&dir.to_string_lossy()).expect("ko-dic");
    let user = DictionaryBuilder::new((*dictionary.metadata).clone())
        .build_user_dict_from_reader(
            expand_user_dictionary(kcite::morphology::USER_DICTIONARY_CSV).as_bytes(),
        )
        .expect("user dictionary");
    let segmenter = Segmenter::new(Mode::Normal, dictionary, Some(user));
    // system words, user words (대북제재), unknown Latin, Hanja, digits, symbols
    let text = "北 대북제재 강화에 따라 IMF는 2024년 GDP 3.5% ㈜삼성·Xi Jinping 習近平 ①";
    let theirs: Vec<(String, String)> = segmenter
        .segment(Cow::Borrowed(text))
        .expect("tokens")
        .iter_mut()
        .map(|t| (t.surface.to_string(), t.details()[0].to_string()))
        .collect();
    let ours: Vec<(String, String)> = analyzer
        .morphemes(text)
        .iter()
        .map(|m| (m.surface.to_string(), m.pos.to_string()))
        .collect();
    assert_eq!(ours, theirs);
    assert!(ours.iter().any(|(s, p)| s == "대북제재" && p == "NNG"));
}
