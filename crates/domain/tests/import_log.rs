//! The import log: its stored form round-trips, it keeps at most `MAX_LOG_ENTRIES` (the
//! newest), actions read in words, and no stored text, however hostile, makes reading panic.

use cchc_domain::example::example_plan_with_counter;
use cchc_domain::file::{export_plan, import_bytes, import_text, ExportMeta};
use cchc_domain::import_log::{
    decode_log, describe_action, encode_log, ImportLog, LogAction, LogEntry, LogError, LoggedPlan,
    MAX_LOG_BYTES, MAX_LOG_ENTRIES,
};
use cchc_domain::import_review::{apply, review, IncomingFile, Resolution};
use cchc_domain::locale::Locale;
use cchc_domain::plan::PlanId;
use cchc_domain::workbook::Workbook;

fn entry(n: usize, action: LogAction) -> LogEntry {
    LogEntry {
        at: format!("2026-11-23T09:{:02}:00+07:00", n % 60),
        file_name: format!("f{n}.json"),
        plan: Some(LoggedPlan {
            id: format!("p-{n}"),
            unit: "Phường \"Bình Tân\"\n\\ ữ".into(),
            year: 2026,
            revision: 3,
        }),
        action,
    }
}

fn every_action() -> Vec<LogAction> {
    vec![
        LogAction::Added,
        LogAction::AddedAlongside {
            new_id: "p-9".into(),
        },
        LogAction::Replaced {
            previous_revision: 3,
        },
        LogAction::KeptMine,
        LogAction::Identical,
        LogAction::Skipped,
        LogAction::Refused {
            code: "damaged".into(),
        },
        LogAction::Unknown {
            kind: "merged".into(),
        },
    ]
}

fn sample_log() -> ImportLog {
    let mut entries: Vec<LogEntry> = every_action()
        .into_iter()
        .enumerate()
        .map(|(i, a)| entry(i, a))
        .collect();
    entries[6].plan = None;
    ImportLog { entries }
}

#[test]
fn round_trip() {
    let log = sample_log();
    let text = encode_log(&log);
    assert!(text.starts_with(
        "{\"format\":\"cchc-workbook/import-log\",\"version\":1,\"entries\":[{\"at\":\"2026-11-23T09:00:00+07:00\",\"fileName\":\"f0.json\",\"plan\":{\"id\":\"p-0\",\"unit\":\"Phường \\\"Bình Tân\\\"\\n\\\\ ữ\",\"year\":2026,\"revision\":3},\"action\":{\"kind\":\"added\"}}"
    ), "{text}");
    assert!(text.contains("\"action\":{\"kind\":\"replaced\",\"previousRevision\":3}"));
    assert!(text.contains("\"action\":{\"kind\":\"added_alongside\",\"newId\":\"p-9\"}"));
    assert!(text.contains(
        "\"fileName\":\"f6.json\",\"action\":{\"kind\":\"refused\",\"code\":\"damaged\"}"
    ));
    assert!(!text.contains('\n'));
    let back = decode_log(&text).unwrap();
    assert_eq!(back, log);
    assert_eq!(encode_log(&back), text);
    assert_eq!(
        decode_log(&encode_log(&ImportLog::default())),
        Ok(ImportLog::default())
    );
}

#[test]
fn the_log_of_an_import_round_trips() {
    let plan = example_plan_with_counter();
    let meta = ExportMeta {
        app_version: "0.2.0".into(),
        exported_at: "2026-11-23T09:00:00+07:00".into(),
    };
    let files = vec![
        IncomingFile {
            name: "ke-hoach.json".into(),
            size: 100,
            result: import_text(&export_plan(&plan, &meta)),
        },
        IncomingFile {
            name: "anh.png".into(),
            size: 4,
            result: import_bytes(&[0x89, b'P', b'N', b'G', 0xff]),
        },
    ];
    let mut w = Workbook::default();
    let rows = review(&w, files);
    let mut n = 0;
    let mut fresh = || {
        n += 1;
        PlanId(format!("fresh-{n}"))
    };
    let entries = apply(
        &mut w,
        rows,
        &[Resolution::Add, Resolution::Skip],
        &mut fresh,
        "2026-11-23T10:00:00+07:00",
    );
    let mut log = ImportLog::default();
    log.append(entries);
    assert_eq!(log.entries[0].action, LogAction::Added);
    assert_eq!(
        log.entries[1].action,
        LogAction::Refused {
            code: "not_utf8".into()
        }
    );
    assert_eq!(decode_log(&encode_log(&log)), Ok(log.clone()));
    let newest: Vec<&str> = log.newest_first().map(|e| e.file_name.as_str()).collect();
    assert_eq!(newest, ["anh.png", "ke-hoach.json"]);
    assert_eq!(
        describe_action(&log.entries[1].action, Locale::Vi),
        "Không nhập: Không phải văn bản UTF-8"
    );
}

#[test]
fn keeps_the_newest_entries() {
    let mut log = ImportLog::default();
    log.append((0..300).map(|n| entry(n, LogAction::Added)).collect());
    assert_eq!(log.entries.len(), 300);
    log.append((300..650).map(|n| entry(n, LogAction::Skipped)).collect());
    assert_eq!(log.entries.len(), MAX_LOG_ENTRIES);
    assert_eq!(log.entries[0].file_name, "f150.json");
    assert_eq!(log.newest_first().next().unwrap().file_name, "f649.json");
    // One batch bigger than the cap.
    let mut log = ImportLog::default();
    log.append(
        (0..MAX_LOG_ENTRIES + 7)
            .map(|n| entry(n, LogAction::Added))
            .collect(),
    );
    assert_eq!(log.entries.len(), MAX_LOG_ENTRIES);
    assert_eq!(log.entries[0].file_name, "f7.json");

    // A stored log longer than the cap (written by hand) is read to its newest entries.
    let long = ImportLog {
        entries: (0..MAX_LOG_ENTRIES + 3)
            .map(|n| entry(n, LogAction::Added))
            .collect(),
    };
    let back = decode_log(&encode_log(&long)).unwrap();
    assert_eq!(back.entries.len(), MAX_LOG_ENTRIES);
    assert_eq!(back.entries[0].file_name, "f3.json");
}

#[test]
fn actions_in_words() {
    let vi: Vec<String> = every_action()
        .iter()
        .map(|a| describe_action(a, Locale::Vi))
        .collect();
    assert_eq!(
        vi,
        [
            "Đã thêm",
            "Đã thêm thành bản riêng",
            "Đã thay bằng bản nhận được (trước là phiên bản 3)",
            "Giữ bản đang có",
            "Giống hệt, không thay đổi",
            "Bỏ qua",
            "Không nhập: Tệp bị hỏng hoặc bị sửa",
            "Thao tác không rõ (merged)",
        ]
    );
    let en: Vec<String> = every_action()
        .iter()
        .map(|a| describe_action(a, Locale::En))
        .collect();
    assert_eq!(en[2], "Replaced with the received version (was revision 3)");
    assert_eq!(en[6], "Not imported: Damaged or edited file");
    // Every error code gets its headline; an unknown code is shown as it is.
    for code in [
        "empty",
        "too_large",
        "not_utf8",
        "not_json",
        "not_an_object",
        "not_a_plan_file",
        "newer_version",
        "unsupported_version",
        "damaged",
        "invalid",
    ] {
        let words = describe_action(&LogAction::Refused { code: code.into() }, Locale::Vi);
        assert!(!words.contains(code), "{code}: {words}");
    }
    assert_eq!(
        describe_action(
            &LogAction::Refused {
                code: "solar_flare".into()
            },
            Locale::En
        ),
        "Not imported: solar_flare"
    );
    assert_eq!(
        describe_action(
            &LogAction::Unknown {
                kind: String::new()
            },
            Locale::Vi
        ),
        "Thao tác không rõ"
    );
}

#[test]
fn refuses_what_is_not_a_log() {
    let cases: [(&str, LogError); 12] = [
        ("", LogError::NotJson),
        ("not json", LogError::NotJson),
        (
            "{\"format\":\"cchc-workbook/import-log\"",
            LogError::NotJson,
        ),
        ("null", LogError::NotALog),
        ("[]", LogError::NotALog),
        ("{}", LogError::NotALog),
        (
            "{\"format\":\"cchc-workbook/plan\",\"version\":1,\"entries\":[]}",
            LogError::NotALog,
        ),
        (
            "{\"format\":\"cchc-workbook/import-log\",\"entries\":[]}",
            LogError::UnsupportedVersion {
                found: String::new(),
            },
        ),
        (
            "{\"format\":\"cchc-workbook/import-log\",\"version\":\"1\",\"entries\":[]}",
            LogError::UnsupportedVersion {
                found: "\"1\"".into(),
            },
        ),
        (
            "{\"format\":\"cchc-workbook/import-log\",\"version\":2,\"entries\":[]}",
            LogError::UnsupportedVersion { found: "2".into() },
        ),
        (
            "{\"format\":\"cchc-workbook/import-log\",\"version\":1}",
            LogError::NoEntries,
        ),
        (
            "{\"format\":\"cchc-workbook/import-log\",\"version\":1,\"entries\":{}}",
            LogError::NoEntries,
        ),
    ];
    for (text, expected) in cases {
        let got = decode_log(text);
        assert_eq!(got, Err(expected.clone()), "{text}");
        assert!(!expected.message(Locale::Vi).is_empty());
    }
}

#[test]
fn reads_damaged_entries_leniently() {
    let text = r#"{"format":"cchc-workbook/import-log","version":1,"entries":[
        1, "x", null, [],
        {},
        {"at":5,"fileName":["a"],"plan":[1],"action":"added"},
        {"at":"t","fileName":"f","plan":{"id":7,"unit":null,"year":"2026","revision":-1},
         "action":{"kind":"replaced","previousRevision":99999999999}},
        {"at":"t","fileName":"g","plan":{"id":"p","unit":"u","year":2026,"revision":2},
         "action":{"kind":"merged","into":"q"}},
        {"at":"t","fileName":"h","action":{"kind":"refused"}}
    ],"later":true}"#;
    let log = decode_log(text).unwrap();
    let empty_action = LogAction::Unknown {
        kind: String::new(),
    };
    assert_eq!(
        log.entries,
        [
            LogEntry {
                at: String::new(),
                file_name: String::new(),
                plan: None,
                action: empty_action.clone(),
            },
            LogEntry {
                at: String::new(),
                file_name: String::new(),
                plan: None,
                action: empty_action,
            },
            LogEntry {
                at: "t".into(),
                file_name: "f".into(),
                plan: Some(LoggedPlan {
                    id: String::new(),
                    unit: String::new(),
                    year: 0,
                    revision: 0
                }),
                action: LogAction::Replaced {
                    previous_revision: 0
                },
            },
            LogEntry {
                at: "t".into(),
                file_name: "g".into(),
                plan: Some(LoggedPlan {
                    id: "p".into(),
                    unit: "u".into(),
                    year: 2026,
                    revision: 2
                }),
                action: LogAction::Unknown {
                    kind: "merged".into()
                },
            },
            LogEntry {
                at: "t".into(),
                file_name: "h".into(),
                plan: None,
                action: LogAction::Refused {
                    code: String::new()
                },
            },
        ]
    );
    // An unknown kind is written back under its own name.
    assert!(encode_log(&log).contains("{\"kind\":\"merged\"}"));
}

#[test]
fn hostile_text_never_panics() {
    // Far too large: refused before parsing.
    let huge = format!(
        "{{\"format\":\"cchc-workbook/import-log\",\"version\":1,\"entries\":[\"{}\"]}}",
        "a".repeat(MAX_LOG_BYTES)
    );
    assert_eq!(
        decode_log(&huge),
        Err(LogError::TooLarge { bytes: huge.len() })
    );
    // Deep nesting, inside and outside the envelope.
    let deep = "[".repeat(200_000);
    assert_eq!(decode_log(&deep), Err(LogError::NotJson));
    let deep_inside = format!(
        "{{\"format\":\"cchc-workbook/import-log\",\"version\":1,\"entries\":[{}{}]}}",
        "{\"a\":[".repeat(5_000),
        "]}".repeat(5_000)
    );
    assert_eq!(decode_log(&deep_inside), Err(LogError::NotJson));
    // Big but allowed: many entries and long texts.
    let many = ImportLog {
        entries: (0..MAX_LOG_ENTRIES)
            .map(|n| {
                let mut e = entry(n, LogAction::Added);
                e.file_name = "ữ".repeat(1_000);
                e
            })
            .collect(),
    };
    let text = encode_log(&many);
    assert!(text.len() < MAX_LOG_BYTES);
    assert_eq!(decode_log(&text), Ok(many));
    // Odd numbers, strings and characters.
    for text in [
        "{\"format\":\"cchc-workbook/import-log\",\"version\":1e400,\"entries\":[]}",
        "{\"format\":\"cchc-workbook/import-log\",\"version\":-1,\"entries\":[]}",
        "{\"format\":\"cchc-workbook/import-log\",\"version\":1.0,\"entries\":[]}",
        "{\"format\":\"cchc-workbook/import-log\",\"version\":18446744073709551617,\"entries\":[]}",
        "{\"format\":\"\\ud800\",\"version\":1,\"entries\":[]}",
        "\u{feff}{}",
        "\0",
        "{\"format\":\"cchc-workbook/import-log\",\"version\":1,\"entries\":[{\"plan\":{\"year\":1e308}}]}",
    ] {
        let _ = decode_log(text);
    }
    // Every cut and every one-character damage of a real log.
    let text = encode_log(&sample_log());
    let chars: Vec<char> = text.chars().collect();
    for i in 0..chars.len() {
        let cut: String = chars[..i].iter().collect();
        assert!(decode_log(&cut).is_err(), "{cut}");
        for replacement in ['"', '{', ']', '\\', '0', 'ữ', ' '] {
            let mut damaged = chars.clone();
            damaged[i] = replacement;
            let damaged: String = damaged.into_iter().collect();
            let _ = decode_log(&damaged);
        }
    }
}
