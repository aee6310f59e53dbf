//! The translation table: every text the workbook shows, in Vietnamese and English, side by
//! side. The `texts!` table makes a missing language a compile error; names of domain values
//! (areas, levels, statuses, …) are exhaustive `match`es for the same reason.

use chrono::NaiveDate;

use crate::area::ReformArea;
use crate::date::DateError;
use crate::deadline::DeadlineState;
use crate::draft::DraftProblem;
use crate::editing::{RuleKind, TargetShape};
use crate::evaluation::{Note, Status};
use crate::index_standing::{IndexBand, IndexStanding};
use crate::locale::Locale;
use crate::number::NumberError;
use crate::pacing::{Pace, PaceKind, PaceSummary, Pacing};
use crate::reporting_period::ReportingPeriod;
use crate::scorecard::Scorecard;
use crate::snapshot::Snapshot;
use crate::target::{AboveRange, Period, ValueUnit};
use crate::task::{TaskDraft, TaskDraftErrors, TaskStage, TaskState, TaskTally};
use crate::tracking_form::{StandingField, TrackingProblem};
use crate::unit::UnitLevel;
use crate::working_time::{ProcedureDraftErrors, TimeProblem};

macro_rules! texts {
    ($($key:ident => $vi:expr, $en:expr;)*) => {
        /// A fixed text of the interface.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Text { $($key,)* }
        impl Text {
            pub const ALL: &'static [Text] = &[$(Text::$key,)*];
            pub fn get(self, locale: Locale) -> &'static str {
                match self { $(Text::$key => locale.pick($vi, $en),)* }
            }
        }
    };
}

texts! {
    AppTitle => "Sổ kế hoạch CCHC", "CCHC Workbook";
    AppTagline => "Kế hoạch cải cách hành chính của đơn vị · lưu trong trình duyệt, dùng được khi không có mạng",
        "Your unit's administrative-reform plans · kept in this browser, works offline";
    Language => "Ngôn ngữ", "Language";
    ShortcutsTitle => "Phím tắt", "Shortcuts";
    ShortcutUndo => "Hoàn tác thay đổi vừa làm (ngoài ô đang gõ)", "Undo the last change (outside the field being typed in)";
    ShortcutRedo => "Làm lại thay đổi vừa hoàn tác", "Redo the change just undone";
    ShortcutMove => "Chuyển sang ô sau, ô trước", "Move to the next, the previous field";
    ShortcutSubmit => "Trong một biểu mẫu: ghi (tạo kế hoạch, ghi kết quả, thêm dòng)", "In a form: save it (create the plan, record the result, add the row)";
    ShortcutClose => "Đóng báo cáo nhập tệp mà không áp dụng", "Close the import report without applying it";
    ShortcutPress => "Bấm nút đang chọn; mở, đóng mục có mũi tên ▸", "Press the focused button; open or close a ▸ section";
    OpeningWorkbook => "Đang mở sổ kế hoạch…", "Opening the workbook…";
    MilestoneNotDone => "chưa hoàn thành", "not done";
    EveryFieldMeets => "từng lĩnh vực đều đạt", "every field";
    ConditionsAnd => "và", "and";
    DoneBy => "hoàn thành trước", "done by";
    DoneNoDeadline => "hoàn thành (chưa đặt hạn)", "done (no deadline set)";
    TargetWordingMissing => "(chưa ghi nội dung chỉ tiêu)", "(target wording not entered)";
    StorageDisabled => "bộ nhớ trình duyệt bị tắt", "browser storage is disabled";
    StorageFull => "bộ nhớ trình duyệt đã đầy", "browser storage is full";
    WorkbookTitle => "Các kế hoạch trong sổ", "Plans in this workbook";
    WorkbookIntro => "Mọi thay đổi được lưu tự động trong trình duyệt này. Xuất tệp để gửi cấp trên hoặc để sao lưu.",
        "Every change is saved automatically in this browser. Export a file to send upward or to keep a backup.";
    NewPlan => "Tạo kế hoạch mới", "New plan";
    // Templates (docs/templates.md).
    TemplateLabel => "Mẫu chỉ tiêu", "Target template";
    TemplateNone => "Trống (tự thêm chỉ tiêu)", "Empty (add targets yourself)";
    TemplateCommune2026 => "Xã, phường 2026 (31 chỉ tiêu)", "Commune or ward 2026 (31 targets)";
    TemplateDepartment2026 => "Sở, ngành tỉnh 2026", "Province department 2026";
    TemplateLegacy2019 => "Kế hoạch kiểu 2019 (cũ)", "2019-style plan (legacy)";
    TemplateImported => "Mẫu đã nhập", "Imported templates";
    TemplateHint => "Chỉ tiêu của mẫu giữ mã cố định để cấp trên tổng hợp không cần ghép nối. Ngưỡng ghi «gợi ý» cần sửa theo kế hoạch của tỉnh.",
        "Template targets keep fixed ids, so the superior unit consolidates without mapping. Thresholds marked «suggested» must be adjusted to the province's plan.";
    SuggestedMark => "gợi ý — sửa theo kế hoạch của tỉnh", "suggested — adjust to the province's plan";
    KeepSuggested => "Giữ ngưỡng này", "Keep this threshold";
    SaveAsTemplate => "Lưu làm mẫu cho cấp dưới", "Save as a template for subordinates";
    ImportPlan => "Nhập tệp kế hoạch…", "Import plan file…";
    LoadExample => "Mở kế hoạch mẫu", "Open the example plan";
    EmptyWorkbook => "Sổ chưa có kế hoạch nào. Hãy tạo kế hoạch mới, nhập tệp kế hoạch nhận được, hoặc mở kế hoạch mẫu để xem cách dùng.",
        "No plans yet. Create a new plan, import a plan file you received, or open the example plan to see how it works.";
    ColUnit => "Đơn vị", "Unit";
    ColYear => "Năm", "Year";
    ColReference => "Số kế hoạch", "Plan reference";
    ColResult => "Kết quả", "Result";
    ColActions => "Thao tác", "Actions";
    Export => "Xuất tệp", "Export";
    NewPlanTitle => "Kế hoạch mới", "New plan";
    // Reporting periods, pace and snapshots (docs/periods-and-pacing.md).
    ReportingTitle => "Kỳ báo cáo và tiến độ", "Reporting periods and pace";
    ReportingPeriodCol => "Kỳ báo cáo", "Report";
    ReportingSpanCol => "Số liệu tính từ – đến", "Figures from – to";
    CutoffsOwn => "Tỉnh quy định ngày chốt số liệu khác?", "Does the province set other cut-off days?";
    CutoffsHint => "Ngày chốt theo hướng dẫn của Bộ Nội vụ: 14/3, 14/6, 14/9, 14/12; năm báo cáo bắt đầu từ 15/12 năm trước. Nhập ngày/tháng.",
        "The Ministry of Home Affairs' cut-offs: 14/3, 14/6, 14/9, 14/12; the report year starts on 15/12 of the year before. Type day/month.";
    CutoffsSave => "Lưu ngày chốt", "Save cut-off days";
    CutoffsReset => "Dùng ngày chốt của Bộ Nội vụ", "Use the Ministry's cut-off days";
    CutoffsBadDay => "Ngày chốt phải có dạng ngày/tháng của một ngày có trong mọi năm (ví dụ 14/6; không dùng 29/2).",
        "A cut-off must be day/month of a day every year has (e.g. 14/6; not 29/2).";
    CutoffsOrder => "Các ngày chốt phải nối tiếp nhau: quý I, 6 tháng, quý III, năm.",
        "The cut-offs must follow each other: first quarter, six months, third quarter, year.";
    PaceSummaryTitle => "Tiến độ đến nay", "Pace so far";
    PaceHint => "Chỉ tiêu cộng dồn (số lần, số hồ sơ…) được so với mức dự kiến tăng đều từ đầu năm báo cáo; chỉ tiêu tỷ lệ được so với ngưỡng ngay tại thời điểm báo cáo.",
        "Cumulative targets (times, dossiers…) are set against a level expected to grow evenly from the start of the report year; rates are set against their threshold as they stand.";
    SnapshotTake => "Chốt số liệu", "Freeze the figures";
    SnapshotPeriodLabel => "Kỳ chốt", "Report";
    SnapshotsTitle => "Các lần chốt số liệu", "Frozen figures";
    SnapshotsNone => "Chưa chốt số liệu kỳ nào. Khi sơ kết, chốt số liệu để giữ nguyên như đã báo cáo.",
        "No figures frozen yet. At a review, freeze the figures to keep them as reported.";
    SnapshotShow => "Xem số liệu đã chốt", "Show the frozen figures";
    SnapshotHide => "Ẩn số liệu đã chốt", "Hide the frozen figures";
    SnapshotDelete => "Xóa lần chốt này", "Delete this snapshot";
    SnapshotConfirmDelete => "Xóa lần chốt số liệu này? Số liệu của các chỉ tiêu không bị ảnh hưởng; có thể hoàn tác.",
        "Delete this snapshot? The targets' figures are not affected; this can be undone.";
    SnapshotTargetCol => "Chỉ tiêu", "Target";
    SnapshotFigureCol => "Số liệu khi chốt", "Figure then";
    SnapshotStatusCol => "Kết quả khi chốt", "Result then";
    SnapshotPaceCol => "Tiến độ khi chốt", "Pace then";
    SnapshotTargetGone => "(chỉ tiêu đã xóa khỏi kế hoạch)", "(target since removed from the plan)";
    // The target tracking panel: previous years, index ranks, per-period targets, pace kind.
    TrackingShow => "Theo dõi qua các năm", "Over the years";
    TrackingTitle => "Theo dõi chỉ tiêu qua các năm và các kỳ", "Following the target over the years and reports";
    PreviousYearsTitle => "Kết quả các năm trước", "Previous years' results";
    PreviousYearsNone => "Chưa nhập kết quả năm trước nào.", "No previous year entered yet.";
    PreviousYearsHint => "Nhập kết quả đã công bố của các năm trước năm kế hoạch (VD: 2018 và 51,38).",
        "Enter the published results of the years before the plan year (e.g. 2018 and 51,38).";
    HistoryYearLabel => "Năm", "Year";
    HistoryValueLabel => "Kết quả", "Result";
    AddHistoryYear => "Thêm năm", "Add year";
    RemoveHistoryYear => "Bỏ năm này", "Remove this year";
    ChartTitle => "Diễn biến qua các năm", "Over the years";
    ChartThisYear => "năm nay, đến nay", "this year so far";
    IndexTitle => "Xếp loại và xếp hạng chỉ số", "Index band and rank";
    IndexBandNone => "Chưa có giá trị để xếp loại.", "No value to band yet.";
    StandingPosition => "Xếp thứ", "Ranked";
    StandingOf => "Trên tổng số", "Out of";
    StandingPrevious => "Năm trước xếp thứ", "Last year's rank";
    StandingHint => "Nhập theo kết quả được công bố (VD: 12 trên 63). Xoá cả ba ô rồi lưu để bỏ xếp hạng.",
        "Enter the published result (e.g. 12 out of 63). Empty all three and save to remove the rank.";
    SaveStanding => "Lưu xếp hạng", "Save the rank";
    StandingNone => "Chưa nhập xếp hạng.", "No rank entered yet.";
    PeriodTargetsTitle => "Chỉ tiêu từng kỳ báo cáo", "Per-report targets";
    PeriodTargetsHint => "Mức phải đạt tại ngày chốt số liệu của mỗi kỳ (quý I và 6 tháng tính từ đầu năm báo cáo, quý III tính riêng trong quý). Để trống để dự kiến tăng đều. Chỉ tiêu cả năm là ngưỡng của chỉ tiêu.",
        "What must be reached by each report's cut-off (first quarter and six months from the start of the report year, the third quarter within the quarter). Leave empty for an even rise. The year's target is the target's threshold.";
    PaceKindLabel => "Cách theo dõi tiến độ", "How the pace is followed";
    PaceKindAuto => "Tự động theo loại chỉ tiêu", "Automatic, by the target's kind";
    PaceKindCumulative => "Cộng dồn từ đầu năm báo cáo", "Cumulative from the start of the report year";
    PaceKindRate => "Tỷ lệ, so với ngưỡng tại thời điểm báo cáo", "Rate, against the threshold as it stands";
    PaceKindNone => "Không theo dõi tiến độ", "Not paced";
    UnitName => "Tên đơn vị", "Unit name";
    UnitNamePlaceholder => "VD: UBND phường Bình Tân", "e.g. People's Committee of Bình Tân ward";
    UnitLevelLabel => "Cấp đơn vị", "Unit level";
    Superior => "Đơn vị cấp trên", "Superior unit";
    SuperiorPlaceholder => "VD: UBND Thành phố Hồ Chí Minh", "e.g. Hồ Chí Minh City People's Committee";
    Year => "Năm kế hoạch", "Plan year";
    PlanNumber => "Số, ký hiệu kế hoạch", "Plan number and symbol";
    PlanNumberPlaceholder => "VD: 01/KH-UBND", "e.g. 01/KH-UBND";
    IssueDate => "Ngày ban hành", "Issue date";
    DatePlaceholder => "dd/mm/yyyy", "dd/mm/yyyy";
    Create => "Tạo kế hoạch", "Create plan";
    Cancel => "Huỷ", "Cancel";
    UnitNameRequired => "Hãy nhập tên đơn vị.", "Enter the unit's name.";
    YearInvalid => "Năm kế hoạch phải là số từ 2000 đến 2100.", "The plan year must be a number from 2000 to 2100.";
    DistrictAfter2025 => "Cấp quận/huyện không còn từ 01/7/2025: chỉ dùng cho kế hoạch từ năm 2025 trở về trước.",
        "District level ended on 1 July 2025: use it only for plans of 2025 or earlier.";
    NumberHint => "Số, ký hiệu thường có dạng 01/KH-UBND hoặc 39/KH-UBND-NV; hãy kiểm tra lại.",
        "A plan number usually looks like 01/KH-UBND or 39/KH-UBND-NV; please check it.";
    BackToWorkbook => "← Về sổ kế hoạch", "← Back to the workbook";
    PlanDetails => "Thông tin kế hoạch", "Plan details";
    DateNote => "Ghi chú về ngày ban hành", "Note on the issue date";
    Summary => "Tổng hợp", "Summary";
    ExportPlan => "Xuất tệp kế hoạch (JSON)", "Export plan file (JSON)";
    DeletePlan => "Xoá kế hoạch", "Delete plan";
    ConfirmDeletePlan => "Xoá kế hoạch này khỏi sổ? Nên xuất tệp sao lưu trước: thao tác này không hoàn tác được.",
        "Delete this plan from the workbook? Export a backup first: this cannot be undone.";
    ExportBlocked => "Chưa xuất được tệp vì kế hoạch còn chỗ cần sửa:", "The file was not exported because the plan still has problems to fix:";
    AddTarget => "Thêm chỉ tiêu", "Add target";
    AreaLabel => "Lĩnh vực cải cách", "Reform area";
    KindLabel => "Loại chỉ tiêu", "Target kind";
    NoTargets => "Kế hoạch chưa có chỉ tiêu. Thêm chỉ tiêu đầu tiên ở cuối trang.", "This plan has no targets yet. Add the first one at the bottom of the page.";
    EditTarget => "Sửa chỉ tiêu", "Edit target";
    CloseEditor => "Đóng phần sửa", "Close editor";
    RecordProgress => "Ghi kết quả", "Record progress";
    HistoryTitle => "Lịch sử kết quả", "Progress history";
    TargetLabel => "Nội dung chỉ tiêu", "Target wording";
    TargetLabelPlaceholder => "VD: Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 90%", "e.g. On-time dossier rate above 90%";
    RuleLabel => "Yêu cầu", "Rule";
    Threshold => "Ngưỡng", "Threshold";
    RangeFrom => "Từ", "From";
    RangeTo => "Đến", "To";
    PreviousValue => "Giá trị năm trước", "Last year's value";
    PreviousHint => "Để trống cho đến khi có số liệu công bố.", "Leave empty until the figure is published.";
    AboveRangeLabel => "Kết quả vượt mức trên", "A result above the range";
    PeriodLabel => "Mỗi", "Per";
    UnitLabel => "Đơn vị tính", "Unit";
    CountNoun => "Đếm bằng (VD: lần, cuộc)", "Counted in (e.g. times)";
    NumeratorMeaning => "Tử số là số", "Numerator counts";
    DenominatorMeaning => "Mẫu số là số", "Denominator counts";
    ByField => "Theo từng lĩnh vực: mọi lĩnh vực đều phải đạt", "Per field: every field must meet it";
    FieldsTitle => "Các lĩnh vực", "Fields";
    AddField => "Thêm lĩnh vực", "Add field";
    NewFieldPlaceholder => "VD: Hộ tịch", "e.g. Civil status";
    RemoveField => "Bỏ", "Remove";
    FieldInUse => "Lĩnh vực này đã có số liệu nên không bỏ được.", "This field already has figures and cannot be removed.";
    BreakdownLocked => "Đã có kết quả ghi nhận nên không bật/tắt được phần theo lĩnh vực.", "Progress is recorded, so the per-field breakdown cannot be switched.";
    ParentLabel => "Là chỉ tiêu con (trong đó) của", "Sub-target (of which) of";
    NoParent => "— Không —", "— None —";
    ShapeLocked => "Đã có kết quả ghi nhận nên không đổi được loại chỉ tiêu.", "Progress is recorded, so the target kind cannot change.";
    Deadline => "Hạn hoàn thành", "Deadline";
    DeleteTarget => "Xoá chỉ tiêu", "Delete target";
    ConfirmDeleteTarget => "Xoá chỉ tiêu này cùng mọi kết quả đã ghi?", "Delete this target and all its recorded progress?";
    FirstCondition => "Điều kiện 1", "Condition 1";
    SecondCondition => "Điều kiện 2", "Condition 2";
    ConditionLabel => "Tên điều kiện", "Condition name";
    MeasureLabel => "Cách đo", "Measured as";
    MeasureRatio => "Tỷ lệ (tử số / mẫu số)", "Ratio (numerator / denominator)";
    MeasureValue => "Giá trị nhập trực tiếp", "Value entered directly";
    EntryDate => "Ngày số liệu", "Figures as of";
    Numerator => "Tử số", "Numerator";
    Denominator => "Mẫu số", "Denominator";
    Value => "Giá trị", "Value";
    DoneOn => "Ngày hoàn thành", "Done on";
    DoneOnHint => "Để trống nếu chưa hoàn thành.", "Leave empty if not done yet.";
    Evidence => "Văn bản chứng minh", "Proving document";
    EvidencePlaceholder => "VD: Kế hoạch số 01/KH-UBND", "e.g. Plan 01/KH-UBND";
    TextEntry => "Nội dung thực hiện", "What was done";
    Comment => "Ghi chú", "Comment";
    AddEntry => "Ghi nhận", "Record";
    Preview => "Xem trước", "Preview";
    FieldNaHint => "Lĩnh vực không phát sinh hồ sơ: nhập 0 / 0. Để trống nếu chưa có số liệu.",
        "A field with no dossiers: enter 0 / 0. Leave empty if the figures are not in yet.";
    NoEntries => "Chưa ghi kết quả nào.", "No progress recorded yet.";
    DeleteEntry => "Xoá", "Delete";
    ConfirmDeleteEntry => "Xoá mục kết quả này khỏi lịch sử?", "Delete this entry from the history?";
    LatestCounts => "Mục có ngày mới nhất được dùng cho thước đo.", "The entry with the latest date drives the gauge.";
    ResultLabel => "Kết quả", "Result";
    MarginLabel => "Cách ngưỡng", "Margin";
    WorstField => "Lĩnh vực thấp nhất", "Weakest field";
    AsOf => "ngày", "as of";
    ColDate => "Ngày", "Date";
    ColFigures => "Số liệu", "Figures";
    ColComment => "Ghi chú", "Comment";
    Dismiss => "Đóng", "Dismiss";
    ExportBackup => "Xuất tệp sao lưu ngay", "Export a backup now";
    StorageUnavailable => "Trình duyệt không cho phép lưu trữ (có thể do chế độ riêng tư hoặc cài đặt). Thay đổi chỉ còn trong trang này: hãy xuất tệp trước khi đóng.",
        "This browser does not allow storage (private mode or settings). Changes live only in this page: export a file before closing it.";
    SubTargetOf => "Chỉ tiêu con của", "Sub-target of";
    NotGaugedHint => "Chỉ tiêu theo dõi bằng nội dung, không có thước đo.", "Tracked by notes; no gauge.";
    SwitchToEnglish => "English", "English";
    SwitchToVietnamese => "Tiếng Việt", "Tiếng Việt";
    ExampleLoaded => "Đã mở kế hoạch mẫu dựng từ các bài viết năm 2019–2020.", "The example plan built from the 2019–2020 articles is open.";
    InvalidTargetsTitle => "Cần sửa", "To fix";
    UnitCode => "Mã đơn vị", "Unit code";
    UnitCodeHint => "Mã đơn vị hành chính (VD: 26734) hoặc mã cấp trên giao; để trống nếu chưa biết.",
        "Official administrative-unit code (e.g. 26734) or the code your superior assigned; leave empty if not known.";
    SuperiorCode => "Mã đơn vị cấp trên", "Superior unit code";
    PlanStatusLabel => "Trạng thái", "Status";
    RevisionLabel => "Phiên bản", "Revision";
    RevisionHint => "Tăng một ở lần sửa đầu tiên sau mỗi lần mở, xuất hoặc nhập tệp.",
        "Goes up by one at the first change after each opening, export or import.";
    InternalNotes => "Ghi chú nội bộ", "Internal notes";
    InternalNotesHint => "Chỉ dùng trong đơn vị; khi xuất tệp có thể bỏ ra.", "For your unit only; can be left out of exported files.";
    NotesForSuperior => "Ghi chú gửi cấp trên", "Notes for the superior unit";
    ExportInternalTitle => "Kế hoạch có ghi chú nội bộ", "The plan has internal notes";
    ExportInternalQuestion => "Tệp gửi cấp trên thường không kèm ghi chú nội bộ. Xuất tệp thế nào?",
        "A file sent to the superior unit usually leaves internal notes out. How should the file be exported?";
    ExportWithoutInternal => "Xuất, bỏ ghi chú nội bộ", "Export without internal notes";
    ExportWithInternal => "Xuất kèm ghi chú nội bộ", "Export with internal notes";
    ReviewTitle => "Nhập tệp kế hoạch: kiểm tra trước khi áp dụng", "Import plan files: review before applying";
    ReviewIntro => "Chưa có gì thay đổi. Chọn việc cần làm cho từng tệp rồi bấm «Áp dụng».",
        "Nothing has changed yet. Choose what to do with each file, then press «Apply».";
    ReadingFiles => "Đang đọc tệp…", "Reading files…";
    ColFile => "Tệp", "File";
    ColPlan => "Kế hoạch", "Plan";
    ColFinding => "Kiểm tra", "Check";
    ColChoice => "Việc sẽ làm", "Action";
    ShowDifferences => "Xem khác biệt", "Show differences";
    SamePlanAsRow => "Cùng kế hoạch với tệp ở dòng", "Same plan as the file in row";
    Apply => "Áp dụng", "Apply";
    ImportApplied => "Đã áp dụng việc nhập tệp:", "Import applied:";
    DropHere => "Thả tệp kế hoạch (.json) vào đây để nhập", "Drop plan files (.json) here to import";
    ImportLogTitle => "Nhật ký nhập tệp", "Import log";
    ImportLogEmpty => "Chưa nhập tệp nào.", "No files imported yet.";
    ColWhen => "Thời điểm", "When";
    ColAction => "Kết quả", "Outcome";
    RevisionShort => "phiên bản", "revision";
    StatusDraft => "Dự thảo", "Draft";
    StatusSubmitted => "Đã gửi cấp trên", "Submitted";
    StatusApproved => "Đã phê duyệt", "Approved";
    UnreadableTitle => "Mục lưu không đọc được", "Stored entries that cannot be read";
    UnreadableHint => "Các mục này được giữ nguyên trong trình duyệt, không bị xoá. Hãy tải về nguyên văn để giữ lại hoặc gửi nhờ hỗ trợ; mục do phiên bản mới hơn của ứng dụng ghi sẽ đọc được khi cập nhật ứng dụng.",
        "These entries are kept in the browser as they are, never deleted. Download them as they are to keep them or send them for help; an entry written by a newer version of the app reads again once the app is updated.";
    DownloadRaw => "Tải về nguyên văn", "Download as it is";
    SavingResumed => "Đã lưu được trở lại: mọi thay đổi đang được giữ trong trình duyệt.",
        "Saving works again: every change is being kept in the browser.";
    Undo => "Hoàn tác", "Undo";
    Redo => "Làm lại", "Redo";
    UndoHint => "Hoàn tác thay đổi vừa làm (Ctrl+Z)", "Undo the last change (Ctrl+Z)";
    RedoHint => "Làm lại thay đổi vừa hoàn tác (Ctrl+Y hoặc Ctrl+Shift+Z)", "Redo the change just undone (Ctrl+Y or Ctrl+Shift+Z)";
    UndoChangedSince => "Không hoàn tác được: kế hoạch đã được đổi ở nơi khác (một thẻ khác hoặc một tệp nhập vào). Lịch sử hoàn tác đã được xoá để không ghi đè thay đổi mới hơn.",
        "Cannot undo: the plan was changed elsewhere since (another tab or an imported file). The undo history was cleared so that newer changes are not overwritten.";
    ReadOnlyTab => "Sổ kế hoạch đang được sửa ở một thẻ khác của trình duyệt này. Thẻ này chỉ để xem: thay đổi ở thẻ kia hiện ra ở đây ngay khi được lưu.",
        "The workbook is being edited in another tab of this browser. This tab is for viewing only: changes made there show here as soon as they are saved.";
    TakeOverEditing => "Sửa ở thẻ này", "Edit in this tab";
    TakingOverEditing => "Đang chờ thẻ kia lưu xong…", "Waiting for the other tab to finish saving…";
    EditingMovedHere => "Thẻ này giờ là nơi sửa sổ kế hoạch; thẻ kia chuyển sang chỉ xem.",
        "This tab now edits the workbook; the other tab is now for viewing only.";
    StorageHealthTitle => "Lưu trữ trong trình duyệt", "Storage in this browser";
    TasksTitle => "Nhiệm vụ", "Tasks";
    TasksHint => "Việc cần làm để đạt chỉ tiêu: đơn vị chủ trì, hạn hoàn thành, sản phẩm. Nhiệm vụ chưa xong mà đã qua hạn được đánh dấu quá hạn theo ngày hôm nay.",
        "What is to be done to meet the targets: the department in charge, the deadline, the output. A task not done by its deadline is marked overdue against today's date.";
    NoTasks => "Kế hoạch chưa có nhiệm vụ nào.", "This plan has no tasks yet.";
    NoTasksShown => "Không có nhiệm vụ nào của đơn vị này.", "No task of this department.";
    TaskTitle => "Nội dung nhiệm vụ", "Task";
    TaskTitlePlaceholder => "VD: Rà soát, công bố thủ tục hành chính thuộc thẩm quyền", "e.g. Review and publish the procedures in the unit's remit";
    TaskTitleRequired => "Hãy ghi nội dung nhiệm vụ.", "Enter what is to be done.";
    TaskDepartment => "Đơn vị chủ trì", "Department in charge";
    TaskDeadlineHint => "Để trống nếu làm thường xuyên.", "Leave empty for a standing task.";
    TaskDoneOnHint => "Ghi khi tình trạng là «Hoàn thành».", "For a task whose status is «Done».";
    DoneOnDay => "ngày", "on";
    TaskOutput => "Sản phẩm", "Expected output";
    TaskOutputPlaceholder => "VD: Báo cáo, quyết định", "e.g. A report, a decision";
    TaskState => "Tình trạng", "Status";
    TaskLinks => "Gắn với chỉ tiêu", "Serves targets";
    AddTask => "Thêm nhiệm vụ", "Add task";
    SaveTask => "Lưu", "Save";
    EditTask => "Sửa", "Edit";
    EditTaskTitle => "Sửa nhiệm vụ", "Edit the task";
    CompleteTask => "Hoàn thành", "Mark done";
    CompleteTaskHint => "Đánh dấu hoàn thành hôm nay", "Mark as done today";
    ConfirmDeleteTask => "Xoá nhiệm vụ này?", "Delete this task?";
    TaskOrderEntered => "Thứ tự nhập", "Order entered";
    TaskOrderDeadline => "Hạn hoàn thành, sớm trước", "Deadline, earliest first";
    AllDepartments => "Tất cả đơn vị", "All departments";
    NoDepartment => "(chưa ghi đơn vị chủ trì)", "(no department)";
    NoDeadline => "Không đặt hạn", "No deadline";
    DeadlineStateLabel => "So với hạn", "Against the deadline";
    WorkingTimeTitle => "Cắt giảm thời gian giải quyết TTHC", "Shorter processing of administrative procedures";
    WorkingTimeHint => "Thời gian tính bằng ngày làm việc, 1 ngày = 8 giờ làm việc; số lẻ dùng dấu phẩy (VD: 7,5).",
        "Times in working days, 1 day = 8 working hours; decimals with a comma (e.g. 7,5).";
    NoProcedures => "Chưa có thủ tục nào được rút ngắn thời gian giải quyết.", "No procedure has a shorter processing time yet.";
    ProcedureName => "Thủ tục hành chính", "Administrative procedure";
    ProcedureNamePlaceholder => "VD: Đăng ký khai sinh", "e.g. Birth registration";
    ProcedureNameRequired => "Hãy nhập tên thủ tục.", "Enter the procedure's name.";
    StandardDays => "Thời gian theo quy định (ngày)", "Standard time (days)";
    NewDays => "Thời gian sau khi rút ngắn (ngày)", "New time (days)";
    SavedTime => "Rút ngắn", "Saved";
    NewTimeLonger => "Thời gian mới dài hơn thời gian theo quy định.", "The new time is longer than the standard time.";
    AddProcedure => "Thêm thủ tục", "Add procedure";
    ConfirmDeleteProcedure => "Xoá thủ tục này khỏi danh sách?", "Remove this procedure from the list?";
    TotalLabel => "Tổng cộng", "Total";
    StorageUsed => "Đã dùng", "Used";
    StorageAllowed => "được phép", "allowed";
    StorageUnknown => "Trình duyệt không cho biết.", "The browser does not say.";
    StoragePersistent => "Trình duyệt giữ dữ liệu này lâu dài.", "The browser keeps this data for good.";
    StorageNotPersistent => "Trình duyệt có thể tự xoá dữ liệu này khi thiếu chỗ.", "The browser may clear this data when space runs short.";
    AskPersist => "Đề nghị giữ lâu dài", "Ask to keep it for good";
    EvictionWarning => "Trình duyệt có thể xoá dữ liệu của trang không được mở trong một thời gian, hoặc khi máy thiếu chỗ. Tệp xuất ra là bản sao duy nhất bên ngoài trình duyệt: hãy xuất tệp sao lưu thường xuyên.",
        "Browsers may clear the data of a site not opened for a while, or when the disk runs short. Exported files are the only copies outside the browser: export a backup often.";
    RemindAfterDays => "Nhắc xuất sao lưu khi kế hoạch đã sửa và chưa xuất sau (ngày)", "Remind to export a backup when a plan changed and was not exported for (days)";
    LastExported => "xuất lần cuối", "last exported";
    NeverExported => "chưa xuất lần nào", "never exported";
    BackupDue => "cần xuất sao lưu", "backup due";
    ConsolidationOpen => "Tổng hợp kế hoạch cấp dưới", "Consolidate subordinate plans";
    ConsolidationTitle => "Tổng hợp kế hoạch CCHC năm", "Consolidated CCHC plans,";
    ConsolidationIntro => "Gộp kế hoạch của các đơn vị cấp dưới đã nhập vào sổ: đơn vị nào đạt chỉ tiêu nào, toàn địa bàn đạt đến đâu, đơn vị nào còn chậm. Tỷ lệ của toàn địa bàn là tổng tử số chia tổng mẫu số, không phải bình quân tỷ lệ của các đơn vị.",
        "Rolls up the subordinate units' plans imported into the workbook: which unit meets which target, where the whole area stands, who is behind. The area's rate is the sum of numerators over the sum of denominators, never the mean of the units' rates.";
    BackToConsolidation => "← Về bảng tổng hợp", "← Back to the consolidation";
    ConsolidationYear => "Năm kế hoạch", "Plan year";
    SuperiorTitle => "Đơn vị tổng hợp", "Consolidating unit";
    SuperiorUp => "Gửi lên đơn vị", "Sent to";
    PlansChosenTitle => "Kế hoạch đưa vào tổng hợp", "Plans included";
    NoPlansForYear => "Sổ chưa có kế hoạch nào của năm này. Hãy nhập tệp kế hoạch của các đơn vị cấp dưới (nút «Nhập tệp kế hoạch» ở trang đầu, hoặc thả tệp vào trang).",
        "The workbook holds no plan of this year. Import your subordinate units' plan files first (the «Import plan file…» button on the first page, or drop the files on the page).";
    SelectAll => "Chọn tất cả", "Select all";
    SelectNone => "Bỏ chọn tất cả", "Select none";
    ConsolidatedMark => "kế hoạch tổng hợp", "consolidated plan";
    ExpectedTitle => "Đơn vị phải báo cáo (không bắt buộc)", "Units expected to report (optional)";
    ExpectedHint => "Mỗi dòng một đơn vị: «mã; tên» hoặc chỉ tên. Đơn vị chưa có kế hoạch trong tổng hợp sẽ hiện là còn thiếu.",
        "One unit per line: «code; name», or the name alone. Units with no plan in the consolidation are shown as missing.";
    SaveList => "Lưu danh sách", "Save the list";
    MissingTitle => "Chưa có kế hoạch", "No plan yet";
    UnknownPlansTitle => "Kế hoạch đã chọn nhưng không còn trong sổ", "Chosen plans no longer in the workbook";
    AggregatesTitle => "Toàn địa bàn, từng chỉ tiêu", "The whole area, target by target";
    ColNo => "TT", "No.";
    ColTarget => "Chỉ tiêu", "Target";
    ColRule => "Cách tính", "How it is computed";
    ColWhole => "Toàn địa bàn", "Whole area";
    ColUnitsMeeting => "Đơn vị đạt", "Units meeting it";
    ColNotes => "Ghi chú", "Notes";
    AreasTitle => "Theo lĩnh vực cải cách", "By reform area";
    MatrixTitle => "Từng đơn vị, từng chỉ tiêu", "Unit by unit, target by target";
    MatrixHint => "Bấm vào một ô để mở kế hoạch của đơn vị; bấm tiêu đề cột để xếp hạng theo chỉ tiêu đó.",
        "Click a cell to open the unit's plan; click a column heading to rank the units by that target.";
    ColRank => "Hạng", "Rank";
    ColMet => "Chỉ tiêu đạt", "Targets met";
    SortBy => "Xếp theo", "Order by";
    SortByMet => "Số chỉ tiêu đạt", "Targets met";
    SortByName => "Tên đơn vị", "Unit name";
    ShowMore => "Xem thêm", "Show more";
    NoSuchTarget => "Kế hoạch không có chỉ tiêu này", "The plan has no such target";
    NotCounted => "không tính", "not counted";
    ExcludeTitle => "Ô không tính vào toàn địa bàn", "Cells left out of the whole area";
    ExcludeHint => "Chọn đơn vị và chỉ tiêu không tính vào số liệu toàn địa bàn (ví dụ số liệu đang xác minh lại). Kết quả riêng của đơn vị vẫn hiện trong bảng.",
        "Choose a unit and a target to leave out of the whole area's figures (figures being checked again, say). The unit's own result still shows in the table.";
    ExcludeButton => "Không tính", "Leave out";
    IncludeAgain => "Tính lại", "Count again";
    NothingExcluded => "Mọi ô đều được tính.", "Every cell is counted.";
    MappingTitle => "Ghép chỉ tiêu lập theo mẫu khác", "Map targets made from another template";
    MappingHint => "Các chỉ tiêu dưới đây chỉ có ở một số kế hoạch. Nếu là cùng một chỉ tiêu nhưng đơn vị lập theo mẫu khác, hãy ghép vào chỉ tiêu tương ứng; việc ghép được lưu lại.",
        "The targets below are in only some plans. Where a unit used another template for the same target, map it to the matching one; the mapping is kept.";
    MapInto => "Ghép vào", "Map into";
    MapWhich => "Chỉ tiêu chỉ có ở một số kế hoạch", "Target in only some plans";
    MapButton => "Ghép", "Map";
    NotMapped => "— không ghép —", "— not mapped —";
    Unmap => "Bỏ ghép", "Unmap";
    NoMappingNeeded => "Mọi chỉ tiêu đều có ở tất cả kế hoạch đã chọn.", "Every target is in every chosen plan.";
    ChangesTitle => "Có tệp mới từ đơn vị", "Newer files from units";
    ChangesHint => "Số liệu đã được tính lại theo tệp mới; ô có dấu ▲ là ô đã đổi.",
        "The figures were computed again from the newer files; cells marked ▲ changed.";
    MarkSeen => "Đã xem các thay đổi", "Mark the changes as seen";
    ChangedMark => "đã đổi", "changed";
    ExportConsolidated => "Xuất tệp kế hoạch tổng hợp", "Export the consolidated plan";
    SuperiorNameNeeded => "Hãy nhập tên đơn vị tổng hợp trước khi xuất tệp.", "Enter the consolidating unit's name before exporting.";
    NoPlansChosen => "Chưa chọn kế hoạch nào để tổng hợp.", "No plan is chosen for the consolidation.";
    ConsolidationUnreadable => "Không đọc được bảng tổng hợp đã lưu; bản cũ được cất riêng, không bị xoá.",
        "The saved consolidation could not be read; it was set aside, not deleted.";
}

pub fn area_name(area: ReformArea, l: Locale) -> &'static str {
    match area {
        ReformArea::Direction => l.pick("Công tác chỉ đạo, điều hành", "Direction and management"),
        ReformArea::Institutions => l.pick("Cải cách thể chế", "Institutions"),
        ReformArea::Procedures => {
            l.pick("Cải cách thủ tục hành chính", "Administrative procedures")
        }
        ReformArea::Apparatus => l.pick("Cải cách tổ chức bộ máy", "Organisation of the apparatus"),
        ReformArea::CivilService => l.pick("Cải cách chế độ công vụ", "Civil service"),
        ReformArea::PublicFinance => l.pick("Cải cách tài chính công", "Public finance"),
        ReformArea::DigitalGovernment => l.pick(
            "Chính quyền điện tử, chính quyền số",
            "E-government and digital government",
        ),
        ReformArea::Impact => l.pick("Tác động của CCHC", "Impact of the reform"),
        ReformArea::Other => l.pick("Khác", "Other"),
    }
}

pub fn level_name(level: UnitLevel, l: Locale) -> &'static str {
    match level {
        UnitLevel::Province => l.pick("Tỉnh / thành phố", "Province / city"),
        UnitLevel::Commune => l.pick("Xã", "Commune"),
        UnitLevel::Ward => l.pick("Phường", "Ward"),
        UnitLevel::SpecialZone => l.pick("Đặc khu", "Special zone"),
        UnitLevel::Department => l.pick("Sở, ban, ngành", "Department"),
        UnitLevel::LegacyDistrict => l.pick(
            "Quận / huyện (trước 01/7/2025)",
            "District (before 1 July 2025)",
        ),
    }
}

pub fn status_name(status: Status, l: Locale) -> &'static str {
    match status {
        Status::Met => l.pick("Đạt", "Met"),
        Status::NotMet => l.pick("Chưa đạt", "Not met"),
        Status::NoData => l.pick("Chưa có số liệu", "No data yet"),
        Status::Waiting => l.pick("Chờ số liệu", "Waiting for the figure"),
        Status::NotApplicable => l.pick("Không phát sinh", "Not applicable"),
        Status::NotGauged => l.pick("Theo dõi", "Tracked"),
        Status::Invalid => l.pick("Số liệu cần sửa", "Figures to fix"),
    }
}

/// A symbol that carries the status without colour.
pub fn status_icon(status: Status) -> &'static str {
    match status {
        Status::Met => "✔",
        Status::NotMet => "✘",
        Status::NoData => "…",
        Status::Waiting => "◷",
        Status::NotApplicable => "–",
        Status::NotGauged => "✎",
        Status::Invalid => "⚠",
    }
}

pub fn note_text(note: Note, l: Locale) -> &'static str {
    match note {
        Note::Exceeded => l.pick("vượt chỉ tiêu", "exceeded"),
        Note::OutOfRange => l.pick("vượt mức trên", "above the range"),
        Note::DoneOnTime => l.pick("hoàn thành đúng hạn", "done on time"),
        Note::DoneLate => l.pick("hoàn thành trễ hạn", "done late"),
        Note::Overdue => l.pick("quá hạn, chưa hoàn thành", "overdue"),
        Note::NotDueYet => l.pick("chưa đến hạn", "not due yet"),
        Note::WaitingForPrevious => l.pick(
            "chờ số liệu năm trước được công bố",
            "waiting for last year's published figure",
        ),
        Note::ZeroDenominator => l.pick("không phát sinh hồ sơ", "no items this period"),
        Note::NumeratorAboveDenominator => {
            l.pick("tử số lớn hơn mẫu số", "numerator above denominator")
        }
        Note::ReadingMismatch => l.pick(
            "số liệu không khớp loại chỉ tiêu",
            "figures do not match the target kind",
        ),
        Note::FieldsMissing => l.pick(
            "chưa đủ số liệu các lĩnh vực",
            "some fields have no figures yet",
        ),
    }
}

pub fn shape_name(shape: TargetShape, l: Locale) -> &'static str {
    match shape {
        TargetShape::Ratio => l.pick("Tỷ lệ (tử số / mẫu số)", "Ratio (numerator / denominator)"),
        TargetShape::Value => l.pick(
            "Giá trị (%, số lượng, ngày, tiền…)",
            "Value (%, count, days, money…)",
        ),
        TargetShape::Compound => l.pick("Hai điều kiện cùng đạt", "Two conditions, both required"),
        TargetShape::Milestone => l.pick("Mốc hoàn thành (có hạn)", "Milestone (with deadline)"),
        TargetShape::FreeText => l.pick(
            "Theo dõi bằng nội dung (không đo)",
            "Tracked by notes (no gauge)",
        ),
    }
}

pub fn rule_name(rule: RuleKind, l: Locale) -> &'static str {
    match rule {
        RuleKind::Above => l.pick("Trên (lớn hơn hẳn)", "Above (strictly greater)"),
        RuleKind::AtLeast => l.pick("Tối thiểu / ít nhất / từ … trở lên", "At least"),
        RuleKind::AtMost => l.pick("Tối đa / không quá", "At most"),
        RuleKind::Below => l.pick("Dưới (nhỏ hơn hẳn)", "Below (strictly less)"),
        RuleKind::Range => l.pick("Từ … đến …", "From … to …"),
        RuleKind::ReduceTo => l.pick("Giảm xuống còn … – …", "Reduce to … – …"),
        RuleKind::AllItems => l.pick("100% (tất cả)", "100% (every item)"),
        RuleKind::PerPeriod => l.pick("Ít nhất … lần mỗi kỳ", "At least … times per period"),
        RuleKind::HigherThanPrevious => l.pick("Cao hơn năm trước", "Higher than last year"),
    }
}

pub fn above_range_name(a: AboveRange, l: Locale) -> &'static str {
    match a {
        AboveRange::MetExceeded => l.pick("vẫn là đạt (vượt chỉ tiêu)", "still met (exceeded)"),
        AboveRange::OutOfRange => l.pick("là không đạt (vượt trần)", "not met (out of range)"),
    }
}

pub fn period_label(p: Period, l: Locale) -> &'static str {
    crate::describe::period_name(p, l)
}

/// Names of the value units the editor offers (the count's noun is edited separately).
pub fn value_unit_name(u: &ValueUnit, l: Locale) -> &'static str {
    match u {
        ValueUnit::Percent => l.pick("Phần trăm (%)", "Percent (%)"),
        ValueUnit::Count { .. } => l.pick("Số lượng", "Count"),
        ValueUnit::Days => l.pick("Ngày làm việc", "Working days"),
        ValueUnit::Hours => l.pick("Giờ làm việc", "Working hours"),
        ValueUnit::Money => l.pick("Tiền (đồng)", "Money (đồng)"),
        ValueUnit::Points => l.pick("Điểm", "Points"),
    }
}

pub fn number_error(e: &NumberError, l: Locale) -> &'static str {
    match e {
        NumberError::Empty => l.pick("Hãy nhập một số.", "Enter a number."),
        NumberError::NotANumber => l.pick("Đây không phải là số.", "This is not a number."),
        NumberError::AmbiguousGrouping => l.pick(
            "Dấu chấm ngăn cách hàng nghìn (9.156), dấu phẩy là dấu thập phân (99,8).",
            "Use a dot between thousands (9.156) and a comma for decimals (99,8).",
        ),
        NumberError::TooManyDecimals => {
            l.pick("Tối đa 4 chữ số sau dấu phẩy.", "At most 4 decimals.")
        }
        NumberError::TooLarge => l.pick("Số quá lớn.", "The number is too large."),
        NumberError::Negative => l.pick("Số lượng không được âm.", "A count cannot be negative."),
        NumberError::NotWhole => l.pick(
            "Số lượng phải là số nguyên.",
            "A count must be a whole number.",
        ),
    }
}

/// Why a typed date was refused, naming the date.
pub fn date_error(e: &DateError, input: &str, l: Locale) -> String {
    let input = input.trim();
    match e {
        DateError::Empty => l
            .pick("Hãy nhập ngày (dd/mm/yyyy).", "Enter a date (dd/mm/yyyy).")
            .into(),
        DateError::Format => l
            .pick(
                "Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 06/03/2020.",
                "Enter the date as dd/mm/yyyy, e.g. 06/03/2020.",
            )
            .into(),
        DateError::NotACalendarDate {
            days_in_month: Some(days),
        } => {
            let month_year = input.get(3..).unwrap_or("");
            l.pick(
                format!("Ngày {input} không có thật: tháng {month_year} chỉ có {days} ngày."),
                format!("{input} is not a real date: {month_year} has only {days} days."),
            )
        }
        DateError::NotACalendarDate {
            days_in_month: None,
        } => l.pick(
            format!("Ngày {input} không có thật: tháng phải từ 01 đến 12."),
            format!("{input} is not a real date: the month must be 01 to 12."),
        ),
        DateError::YearOutOfRange => l
            .pick(
                "Năm phải từ 1990 đến 2100.",
                "The year must be 1990 to 2100.",
            )
            .into(),
    }
}

pub fn draft_problem(p: &DraftProblem, input: &str, l: Locale) -> String {
    match p {
        DraftProblem::Number(e) => number_error(e, l).into(),
        DraftProblem::Date(e) => date_error(e, input, l),
        DraftProblem::NumeratorAboveDenominator => l
            .pick(
                "Tử số không được lớn hơn mẫu số.",
                "The numerator cannot exceed the denominator.",
            )
            .into(),
        DraftProblem::NoFieldFilled => l
            .pick(
                "Hãy nhập số liệu cho ít nhất một lĩnh vực.",
                "Enter figures for at least one field.",
            )
            .into(),
    }
}

/// `8/9 chỉ tiêu đạt`.
pub fn scorecard_headline(c: &Scorecard, l: Locale) -> String {
    l.pick(
        format!("{}/{} chỉ tiêu đạt", c.met, c.gauged()),
        format!("{}/{} targets met", c.met, c.gauged()),
    )
}

/// `1 chưa đạt · 2 chưa có kết quả · 1 theo dõi`, leaving out zero counts.
pub fn scorecard_details(c: &Scorecard, l: Locale) -> String {
    let mut parts = Vec::new();
    if c.not_met > 0 {
        parts.push(l.pick(
            format!("{} chưa đạt", c.not_met),
            format!("{} not met", c.not_met),
        ));
    }
    if c.pending > 0 {
        parts.push(l.pick(
            format!("{} chưa có kết quả", c.pending),
            format!("{} without result yet", c.pending),
        ));
    }
    if c.not_gauged > 0 {
        parts.push(l.pick(
            format!("{} theo dõi không đo", c.not_gauged),
            format!("{} tracked without gauge", c.not_gauged),
        ));
    }
    parts.join(" · ")
}

/// `phiên bản 3`: a plan's revision in a line of text.
pub fn revision_words(revision: u32, l: Locale) -> String {
    format!("{} {revision}", Text::RevisionShort.get(l))
}

/// `phiên bản 3 · Đã gửi cấp trên`: a plan's revision and status in a line of text.
pub fn revision_and_status(revision: u32, status: crate::plan::PlanStatus, l: Locale) -> String {
    format!(
        "{} · {}",
        revision_words(revision, l),
        plan_status_name(status, l)
    )
}

pub fn plan_status_name(s: crate::plan::PlanStatus, l: Locale) -> &'static str {
    use crate::plan::PlanStatus;
    match s {
        PlanStatus::Draft => Text::StatusDraft,
        PlanStatus::Submitted => Text::StatusSubmitted,
        PlanStatus::Approved => Text::StatusApproved,
    }
    .get(l)
}

pub fn imported_message(file: &str, unit: &str, year: i32, alongside: bool, l: Locale) -> String {
    let base = l.pick(
        format!("Đã nhập tệp «{file}»: kế hoạch của {unit}, năm {year}."),
        format!("Imported «{file}»: plan of {unit}, {year}."),
    );
    if alongside {
        format!(
            "{base} {}",
            l.pick(
                "Sổ đã có kế hoạch này; bản nhập được thêm thành kế hoạch riêng, không ghi đè bản đang có.",
                "This plan was already held; the import was added as a separate plan and overwrote nothing.",
            )
        )
    } else {
        base
    }
}

pub fn import_failed_message(file: &str, reason: &str, l: Locale) -> String {
    l.pick(
        format!("Không nhập được tệp «{file}». {reason} Sổ kế hoạch vẫn giữ nguyên."),
        format!("Could not import «{file}». {reason} The workbook is unchanged."),
    )
}

pub fn exported_message(file: &str, l: Locale) -> String {
    l.pick(
        format!("Đã xuất tệp «{file}» (trong thư mục tải về của trình duyệt)."),
        format!("Exported «{file}» (in the browser's downloads folder)."),
    )
}

/// `Xã, phường 2026 (phiên bản 2)`: a template in a list.
pub fn template_option(name: &str, version: u32, l: Locale) -> String {
    match l {
        Locale::Vi => format!("{name} (phiên bản {version})"),
        Locale::En => format!("{name} (version {version})"),
    }
}

/// The name written into a template saved from a unit's plan.
pub fn template_name_for(unit: &str, year: i32, l: Locale) -> String {
    match l {
        Locale::Vi => format!("Mẫu chỉ tiêu của {unit} năm {year}"),
        Locale::En => format!("Targets of {unit} for {year}"),
    }
}

pub fn template_saved_message(file: &str, l: Locale) -> String {
    match l {
        Locale::Vi => format!("Đã lưu mẫu chỉ tiêu vào tệp «{file}». Gửi tệp cho các đơn vị cấp dưới: họ nhập tệp rồi chọn mẫu này khi tạo kế hoạch mới."),
        Locale::En => format!("The template was saved as «{file}». Send the file to your subordinate units: they import it, then choose it when creating a new plan."),
    }
}

/// What adding a template to the library did.
pub fn template_kept_message(
    name: &str,
    outcome: crate::template_library::LibraryAdd,
    l: Locale,
) -> String {
    use crate::template_library::LibraryAdd;
    match (outcome, l) {
        (LibraryAdd::Added, Locale::Vi) => format!("Đã thêm mẫu «{name}» vào thư viện mẫu: chọn mẫu khi tạo kế hoạch mới."),
        (LibraryAdd::Added, Locale::En) => format!("The template «{name}» was added to the template library: choose it when creating a new plan."),
        (LibraryAdd::Replaced, Locale::Vi) => format!("Đã cập nhật mẫu «{name}» trong thư viện mẫu."),
        (LibraryAdd::Replaced, Locale::En) => format!("The template «{name}» was updated in the template library."),
        (LibraryAdd::Identical, Locale::Vi) => format!("Mẫu «{name}» đã có trong thư viện mẫu."),
        (LibraryAdd::Identical, Locale::En) => format!("The template «{name}» is already in the template library."),
    }
}

/// A task's stage as the officer chooses it.
pub fn task_stage_name(stage: TaskStage, l: Locale) -> &'static str {
    match stage {
        TaskStage::NotStarted => l.pick("Chưa bắt đầu", "Not started"),
        TaskStage::InProgress => l.pick("Đang thực hiện", "In progress"),
        TaskStage::Done => l.pick("Hoàn thành", "Done"),
    }
}

/// A symbol that carries a task's state without colour.
pub fn task_state_icon(state: TaskState) -> &'static str {
    match state {
        TaskState::NotStarted => "○",
        TaskState::InProgress => "◐",
        TaskState::Overdue { .. } => "⚠",
        TaskState::Done | TaskState::DoneOnTime | TaskState::DoneLate { .. } => "✔",
    }
}

/// A task's state in words: `Quá hạn 54 ngày`, `Hoàn thành trễ hạn 2 ngày`.
pub fn task_state_words(state: TaskState, l: Locale) -> String {
    match state {
        TaskState::NotStarted => task_stage_name(TaskStage::NotStarted, l).into(),
        TaskState::InProgress => task_stage_name(TaskStage::InProgress, l).into(),
        TaskState::Overdue { days, .. } => l.pick(
            format!("Quá hạn {days} ngày"),
            format!("Overdue by {days} days"),
        ),
        TaskState::Done => task_stage_name(TaskStage::Done, l).into(),
        TaskState::DoneOnTime => l.pick("Hoàn thành đúng hạn", "Done on time").into(),
        TaskState::DoneLate { days } => l.pick(
            format!("Hoàn thành trễ hạn {days} ngày"),
            format!("Done {days} days late"),
        ),
    }
}

/// Work against its deadline, in words: `còn 10 ngày`, `đến hạn hôm nay`, `quá hạn 3 ngày`.
pub fn deadline_words(state: DeadlineState, l: Locale) -> String {
    match state {
        DeadlineState::Open => l.pick("chưa đặt hạn", "no deadline set").into(),
        DeadlineState::Due { days_left: 0 } => l.pick("đến hạn hôm nay", "due today").into(),
        DeadlineState::Due { days_left } => l.pick(
            format!("còn {days_left} ngày đến hạn"),
            format!("due in {days_left} days"),
        ),
        DeadlineState::Overdue { days } => l.pick(
            format!("quá hạn {days} ngày"),
            format!("overdue by {days} days"),
        ),
        DeadlineState::Done => l.pick("đã hoàn thành", "done").into(),
        DeadlineState::DoneOnTime => l.pick("hoàn thành đúng hạn", "done on time").into(),
        DeadlineState::DoneLate { days } => l.pick(
            format!("hoàn thành trễ hạn {days} ngày"),
            format!("done {days} days late"),
        ),
    }
}

/// The name of a report: *Quý I*, *6 tháng*, *Quý III*, *Năm*.
pub fn reporting_period_name(p: ReportingPeriod, l: Locale) -> &'static str {
    match p {
        ReportingPeriod::FirstQuarter => l.pick("Quý I", "First quarter"),
        ReportingPeriod::SixMonths => l.pick("6 tháng", "Six months"),
        ReportingPeriod::ThirdQuarter => l.pick("Quý III", "Third quarter"),
        ReportingPeriod::Year => l.pick("Năm", "Year"),
    }
}

/// The review a snapshot of a report is taken for: *Sơ kết 6 tháng*, *Tổng kết năm*.
pub fn review_name(p: ReportingPeriod, l: Locale) -> &'static str {
    match p {
        ReportingPeriod::FirstQuarter => l.pick("Báo cáo quý I", "First-quarter report"),
        ReportingPeriod::SixMonths => l.pick("Sơ kết 6 tháng", "Six-month review"),
        ReportingPeriod::ThirdQuarter => l.pick("Báo cáo quý III", "Third-quarter report"),
        ReportingPeriod::Year => l.pick("Tổng kết năm", "Year-end review"),
    }
}

/// A name used inside a sentence: only its first letter lowered, so `Quý III` reads `quý III`.
fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A pace in words.
pub fn pace_name(p: Pace, l: Locale) -> &'static str {
    match p {
        Pace::OnTrack => l.pick("Đúng tiến độ", "On track"),
        Pace::AtRisk => l.pick("Có nguy cơ chậm", "At risk"),
        Pace::OffTrack => l.pick("Chậm tiến độ", "Off track"),
        Pace::NoData => l.pick("Chưa tính được tiến độ", "Pace not known yet"),
        Pace::Waiting => l.pick("Chờ số liệu công bố", "Waiting for the published figure"),
        Pace::NotPaced => l.pick("Không theo dõi tiến độ", "Not paced"),
    }
}

/// The icon that goes with a pace (never alone: always beside its name).
pub fn pace_icon(p: Pace) -> &'static str {
    match p {
        Pace::OnTrack => "✓",
        Pace::AtRisk => "!",
        Pace::OffTrack => "✕",
        Pace::NoData => "…",
        Pace::Waiting => "◷",
        Pace::NotPaced => "–",
    }
}

/// What a pace rests on, with the unit of the figure (`suffix`: `%`, ` hồ sơ`, …):
/// `tính đến 30/06/2026: 80 hồ sơ, dự kiến 108,5 hồ sơ` (cumulative) or
/// `tính đến 30/06/2026, so với mức 90%` (rate, the period's target when it has one).
pub fn pace_basis(p: &Pacing, suffix: &str, l: Locale) -> Option<String> {
    let as_of = crate::date::format_vi_date(p.as_of?);
    let num = |r: crate::number::Rational| format!("{}{suffix}", r.format_vi(1, true));
    match (p.kind, p.actual, p.expected) {
        (PaceKind::Cumulative, Some(a), Some(e)) => Some(l.pick(
            format!("tính đến {as_of}: {}, dự kiến {}", num(a), num(e)),
            format!("as of {as_of}: {}, expected {}", num(a), num(e)),
        )),
        (PaceKind::Rate, _, Some(e)) => Some(l.pick(
            format!("tính đến {as_of}, so với mức {}", num(e)),
            format!("as of {as_of}, against {}", num(e)),
        )),
        _ => Some(l.pick(format!("tính đến {as_of}"), format!("as of {as_of}"))),
    }
}

/// `Đúng tiến độ 3 · Có nguy cơ chậm 1 · Chậm tiến độ 0 · Chưa tính được 2`.
pub fn pace_summary_words(s: &PaceSummary, l: Locale) -> String {
    let mut out = format!(
        "{} {} · {} {} · {} {}",
        pace_name(Pace::OnTrack, l),
        s.on_track,
        pace_name(Pace::AtRisk, l),
        s.at_risk,
        pace_name(Pace::OffTrack, l),
        s.off_track
    );
    if s.unknown > 0 {
        out.push_str(&l.pick(
            format!(" · Chưa tính được {}", s.unknown),
            format!(" · Not known yet {}", s.unknown),
        ));
    }
    out
}

/// Where a date stands in the plan's report year: `Hôm nay thuộc kỳ 6 tháng (đến 14/06/2026).`
pub fn today_in_report_year(
    period: Option<ReportingPeriod>,
    cutoff: Option<NaiveDate>,
    before_start: bool,
    l: Locale,
) -> String {
    match (period, cutoff) {
        (Some(p), Some(c)) => l.pick(
            format!(
                "Hôm nay thuộc kỳ báo cáo {} (số liệu chốt ngày {}).",
                lower_first(reporting_period_name(p, Locale::Vi)),
                crate::date::format_vi_date(c)
            ),
            format!(
                "Today falls in the {} report (figures cut off on {}).",
                lower_first(reporting_period_name(p, Locale::En)),
                crate::date::format_vi_date(c)
            ),
        ),
        _ if before_start => l
            .pick(
                "Năm báo cáo của kế hoạch chưa bắt đầu.",
                "The plan's report year has not started.",
            )
            .into(),
        _ => l
            .pick(
                "Năm báo cáo của kế hoạch đã kết thúc.",
                "The plan's report year has ended.",
            )
            .into(),
    }
}

/// `Sơ kết 6 tháng · chốt ngày 20/06/2026 · đạt 3/4 · đúng tiến độ 3/4`.
pub fn snapshot_line(s: &Snapshot, l: Locale) -> String {
    let (met, judged) = s.met();
    let (on, paced) = s.on_track();
    l.pick(
        format!(
            "{} · chốt ngày {} · đạt {met}/{judged} chỉ tiêu · đúng tiến độ {on}/{paced}",
            review_name(s.period, l),
            crate::date::format_vi_date(s.taken_on)
        ),
        format!(
            "{} · frozen on {} · {met}/{judged} targets met · {on}/{paced} on track",
            review_name(s.period, l),
            crate::date::format_vi_date(s.taken_on)
        ),
    )
}

/// `Đã chốt số liệu sơ kết 6 tháng (4 chỉ tiêu).`
pub fn snapshot_taken_message(s: &Snapshot, l: Locale) -> String {
    let n = s.figures.len();
    l.pick(
        format!(
            "Đã chốt số liệu: {} ({n} chỉ tiêu). Số liệu này giữ nguyên khi cập nhật tiến độ về sau.",
            lower_first(review_name(s.period, l))
        ),
        format!(
            "Figures frozen: {} ({n} targets). They stay as they are when progress is updated later.",
            lower_first(review_name(s.period, l))
        ),
    )
}

/// `4 nhiệm vụ · 1 hoàn thành · 1 quá hạn`.
pub fn task_tally_words(t: &TaskTally, l: Locale) -> String {
    let mut out = l.pick(
        format!("{} nhiệm vụ · {} hoàn thành", t.total, t.done),
        format!("{} tasks · {} done", t.total, t.done),
    );
    if t.done_late > 0 {
        out.push_str(&l.pick(
            format!(" ({} trễ hạn)", t.done_late),
            format!(" ({} late)", t.done_late),
        ));
    }
    if t.overdue > 0 {
        out.push_str(&l.pick(
            format!(" · {} quá hạn", t.overdue),
            format!(" · {} overdue", t.overdue),
        ));
    }
    out
}

/// `Tổng cộng 2 thủ tục` / `Total, 2 procedures`.
pub fn procedures_total_label(n: usize, l: Locale) -> String {
    l.pick(
        format!("{} {n} thủ tục", Text::TotalLabel.get(l)),
        format!("{}, {n} procedures", Text::TotalLabel.get(l)),
    )
}

/// What keeps the task form from adding or saving, one sentence per input.
pub fn task_draft_problems(e: &TaskDraftErrors, d: &TaskDraft, l: Locale) -> String {
    let mut out = String::new();
    if e.title_missing {
        out.push_str(Text::TaskTitleRequired.get(l));
    }
    for (label, problem, typed) in [
        (Text::Deadline, &e.deadline, &d.deadline),
        (Text::DoneOn, &e.done_on, &d.done_on),
    ] {
        if let Some(p) = problem {
            sentence(&mut out, label, &date_error(p, typed, l), l);
        }
    }
    out
}

/// What keeps the shortened-procedure form from adding, one sentence per input.
pub fn procedure_draft_problems(e: &ProcedureDraftErrors, l: Locale) -> String {
    let mut out = String::new();
    if e.name_missing {
        out.push_str(Text::ProcedureNameRequired.get(l));
    }
    for (label, problem) in [
        (Text::StandardDays, &e.standard_days),
        (Text::NewDays, &e.new_days),
    ] {
        if let Some(p) = problem {
            sentence(&mut out, label, time_problem(p, l), l);
        }
    }
    out
}

/// Appends `label: what` to the sentences in `out`.
fn sentence(out: &mut String, label: Text, what: &str, l: Locale) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(label.get(l));
    out.push_str(": ");
    out.push_str(what);
}

/// Why a typed working time was refused.
pub fn time_problem(p: &TimeProblem, l: Locale) -> &'static str {
    match p {
        TimeProblem::Number(NumberError::Negative) => l.pick(
            "Số ngày không được âm.",
            "A number of days cannot be negative.",
        ),
        TimeProblem::Number(e) => number_error(e, l),
        TimeProblem::LongerThanStandard => Text::NewTimeLonger.get(l),
    }
}

pub fn storage_failed_message(reason: &str, l: Locale) -> String {
    l.pick(
        format!("Không lưu được thay đổi vào trình duyệt ({reason}). Thay đổi vẫn còn trong trang này nhưng sẽ mất khi đóng trang: hãy xuất tệp sao lưu ngay."),
        format!("Changes could not be saved in the browser ({reason}). They are still in this page but will be lost when it closes: export a backup now."),
    )
}

pub fn unreadable_message(count: usize, l: Locale) -> String {
    l.pick(
        format!("{count} mục lưu trong trình duyệt không đọc được (có thể do phiên bản mới hơn ghi). Các mục này được giữ nguyên, không bị xoá."),
        format!("{count} stored item(s) could not be read (perhaps written by a newer version). They are kept as they are, not deleted."),
    )
}

/// `Sao chép sang năm 2027`: the button that makes next year's plan.
pub fn copy_to_next_year_button(next: i32, l: Locale) -> String {
    l.pick(
        format!("Sao chép sang năm {next}"),
        format!("Copy to {next}"),
    )
}

/// What copying a plan to the next year did.
pub fn copied_to_next_year(from: i32, to: i32, targets: usize, l: Locale) -> String {
    l.pick(
        format!("Đã tạo kế hoạch năm {to} từ kế hoạch năm {from}: {targets} chỉ tiêu giữ nguyên mã, chưa có số liệu; kết quả năm {from} là mốc so sánh cho chỉ tiêu «cao hơn năm trước»."),
        format!("Made the {to} plan from the {from} plan: {targets} targets with the same ids and no figures yet; the {from} results are the baselines of \"higher than last year\" targets."),
    )
}

/// Why a typed text of the tracking panel was refused.
pub fn tracking_problem(p: &TrackingProblem, l: Locale) -> String {
    match p {
        TrackingProblem::YearMissing => l.pick("Hãy nhập năm.", "Enter the year.").into(),
        TrackingProblem::YearNotAYear => l
            .pick(
                "Năm phải là số có 4 chữ số, từ 1990.",
                "The year must be a 4-digit number, from 1990.",
            )
            .into(),
        TrackingProblem::YearNotBefore { year, plan_year } => l.pick(
            format!(
                "Năm {year} không trước năm kế hoạch {plan_year}: chỉ nhập kết quả các năm trước."
            ),
            format!("{year} is not before the plan year {plan_year}: enter only previous years."),
        ),
        TrackingProblem::YearTwice(year) => l.pick(
            format!("Năm {year} đã có kết quả; bỏ dòng cũ trước nếu muốn nhập lại."),
            format!("{year} already has a result; remove its row first to enter it again."),
        ),
        TrackingProblem::Value(e) => {
            format!("{}: {}", Text::HistoryValueLabel.get(l), number_error(e, l))
        }
        TrackingProblem::Negative => l
            .pick("Giá trị không được âm.", "The value cannot be negative.")
            .into(),
        TrackingProblem::StandingNumber(field, e) => {
            let name = match field {
                StandingField::Position => Text::StandingPosition,
                StandingField::Of => Text::StandingOf,
                StandingField::Previous => Text::StandingPrevious,
            };
            let why = match e {
                NumberError::Empty => l.pick("hãy nhập một số.", "enter a number."),
                NumberError::Negative | NumberError::NotWhole => l.pick(
                    "thứ hạng là số nguyên dương.",
                    "a rank is a whole positive number.",
                ),
                other => number_error(other, l),
            };
            format!("{}: {why}", name.get(l))
        }
        TrackingProblem::StandingZero => l
            .pick(
                "Thứ hạng và tổng số đơn vị bắt đầu từ 1.",
                "Ranks and the number of units start at 1.",
            )
            .into(),
        TrackingProblem::StandingBeyond => l
            .pick(
                "Thứ hạng không được lớn hơn tổng số đơn vị được xếp hạng.",
                "A rank cannot be beyond the number of units ranked.",
            )
            .into(),
    }
}

/// `Xếp loại A (≥ 90%)`: an index value's band, in words.
pub fn index_band_words(band: IndexBand, l: Locale) -> &'static str {
    match band {
        IndexBand::A => l.pick("Xếp loại A (≥ 90%)", "Band A (≥ 90%)"),
        IndexBand::B => l.pick("Xếp loại B (80% – dưới 90%)", "Band B (80% to under 90%)"),
        IndexBand::C => l.pick("Xếp loại C (70% – dưới 80%)", "Band C (70% to under 80%)"),
        IndexBand::BelowC => l.pick("Dưới loại C (dưới 70%)", "Below band C (under 70%)"),
    }
}

/// `Xếp loại A (≥ 90%) · kết quả năm 2025: 90,02 điểm`.
pub fn index_band_line(band: IndexBand, year: i32, value: &str, l: Locale) -> String {
    l.pick(
        format!(
            "{} · kết quả năm {year}: {value}",
            index_band_words(band, l)
        ),
        format!("{} · {year} result: {value}", index_band_words(band, l)),
    )
}

/// `Xếp hạng 12/63, tăng 1 bậc`.
pub fn index_rank_words(s: &IndexStanding, l: Locale) -> String {
    let base = l.pick(
        format!("Xếp hạng {}/{}", s.position, s.of),
        format!("Ranked {} of {}", s.position, s.of),
    );
    match s.places_gained() {
        None => base,
        Some(0) => l.pick(
            format!("{base}, giữ nguyên thứ hạng"),
            format!("{base}, same rank as last year"),
        ),
        Some(n) if n > 0 => l.pick(
            format!("{base}, tăng {n} bậc"),
            format!("{base}, up {n} place{}", if n == 1 { "" } else { "s" }),
        ),
        Some(n) => {
            let n = -n;
            l.pick(
                format!("{base}, giảm {n} bậc"),
                format!("{base}, down {n} place{}", if n == 1 { "" } else { "s" }),
            )
        }
    }
}

/// The pace kind choice: `None` is automatic.
pub fn pace_kind_name(k: Option<PaceKind>, l: Locale) -> &'static str {
    match k {
        None => Text::PaceKindAuto.get(l),
        Some(PaceKind::Cumulative) => Text::PaceKindCumulative.get(l),
        Some(PaceKind::Rate) => Text::PaceKindRate.get(l),
        Some(PaceKind::NotPaced) => Text::PaceKindNone.get(l),
    }
}

/// The chart's text alternative: `Kết quả qua các năm: 2016: 4,28%; …; 2019 (năm nay, đến nay): 53,58%`.
pub fn history_chart_label(points: &[(i32, String, bool)], l: Locale) -> String {
    let items: Vec<String> = points
        .iter()
        .map(|(year, value, now)| {
            if *now {
                format!("{year} ({}): {value}", Text::ChartThisYear.get(l))
            } else {
                format!("{year}: {value}")
            }
        })
        .collect();
    format!("{}: {}", Text::ChartTitle.get(l), items.join("; "))
}

pub fn history_count(n: usize, l: Locale) -> String {
    l.pick(format!("Lịch sử ({n})"), format!("History ({n})"))
}

/// `Phường A: phiên bản 2 → 3, 4 ô đã đổi`: a unit's newer file in a consolidation.
pub fn revision_change(unit: &str, from: u32, to: u32, cells: usize, l: Locale) -> String {
    let revision = if from == to {
        revision_words(to, l)
    } else {
        format!("{} {from} → {to}", Text::RevisionShort.get(l))
    };
    l.pick(
        format!("{unit}: {revision}, {cells} ô đã đổi"),
        format!("{unit}: {revision}, {cells} cells changed"),
    )
}

/// `11/11 kế hoạch được chọn`.
pub fn plans_chosen(chosen: usize, of: usize, l: Locale) -> String {
    l.pick(
        format!("{chosen}/{of} kế hoạch được chọn"),
        format!("{chosen}/{of} plans chosen"),
    )
}

/// `2 kế hoạch của năm chưa đưa vào tổng hợp`.
pub fn plans_not_chosen(n: usize, l: Locale) -> String {
    l.pick(
        format!("{n} kế hoạch của năm chưa đưa vào tổng hợp."),
        format!("{n} plans of the year are not in the consolidation."),
    )
}

/// `có ở 9/11 kế hoạch`: how many chosen plans have a target.
pub fn in_plans(k: usize, n: usize, l: Locale) -> String {
    l.pick(
        format!("có ở {k}/{n} kế hoạch"),
        format!("in {k}/{n} plans"),
    )
}

/// `1 ô không tính: Phường A`.
pub fn cells_left_out(units: &[String], l: Locale) -> String {
    l.pick(
        format!("{} ô không tính: {}", units.len(), units.join(", ")),
        format!("{} cells left out: {}", units.len(), units.join(", ")),
    )
}

/// `ghép từ 2 kế hoạch`.
pub fn mapped_from_plans(n: usize, l: Locale) -> String {
    l.pick(
        format!("ghép từ {n} kế hoạch khác mẫu"),
        format!("mapped from {n} plans of another template"),
    )
}

/// `3 chỉ tiêu · 25/33 lượt đạt (75,76%)`: one reform area over every unit.
pub fn area_tally(targets: usize, met: usize, gauged: usize, l: Locale) -> String {
    let share = if gauged > 0 {
        format!(
            " ({}%)",
            crate::number::Rational::percent(met as u64, gauged as u64).format_vi(2, true)
        )
    } else {
        String::new()
    };
    l.pick(
        format!("{targets} chỉ tiêu · {met}/{gauged} lượt đạt{share}"),
        format!("{targets} targets · {met}/{gauged} met{share}"),
    )
}

/// `Có 11 đơn vị, thiếu 2`: units in a consolidation and units expected but missing.
pub fn units_in_consolidation(units: usize, missing: usize, l: Locale) -> String {
    match missing {
        0 => l.pick(format!("{units} đơn vị"), format!("{units} units")),
        _ => l.pick(
            format!("{units} đơn vị, còn thiếu {missing}"),
            format!("{units} units, {missing} missing"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        for t in Text::ALL {
            let (vi, en) = (t.get(Locale::Vi), t.get(Locale::En));
            assert!(!vi.trim().is_empty() && !en.trim().is_empty(), "{t:?}");
        }
    }

    #[test]
    fn report_names_inside_sentences_keep_their_roman_numerals() {
        let third = NaiveDate::from_ymd_opt(2026, 9, 14);
        assert_eq!(
            today_in_report_year(
                Some(ReportingPeriod::ThirdQuarter),
                third,
                false,
                Locale::Vi
            ),
            "Hôm nay thuộc kỳ báo cáo quý III (số liệu chốt ngày 14/09/2026)."
        );
        assert_eq!(lower_first("Báo cáo quý I"), "báo cáo quý I");
        assert_eq!(lower_first(""), "");
    }

    #[test]
    fn impossible_date_message_names_the_month() {
        let e = crate::date::parse_vi_date("30/02/2019").unwrap_err();
        assert_eq!(
            date_error(&e, "30/02/2019", Locale::Vi),
            "Ngày 30/02/2019 không có thật: tháng 02/2019 chỉ có 28 ngày."
        );
    }

    #[test]
    fn tracking_words() {
        let s = IndexStanding {
            position: 12,
            of: 63,
            previous_position: Some(13),
        };
        assert_eq!(
            index_rank_words(&s, Locale::Vi),
            "Xếp hạng 12/63, tăng 1 bậc"
        );
        assert_eq!(
            index_rank_words(&s, Locale::En),
            "Ranked 12 of 63, up 1 place"
        );
        let lost = IndexStanding {
            previous_position: Some(10),
            ..s
        };
        assert_eq!(
            index_rank_words(&lost, Locale::Vi),
            "Xếp hạng 12/63, giảm 2 bậc"
        );
        assert_eq!(
            index_band_words(IndexBand::A, Locale::Vi),
            "Xếp loại A (≥ 90%)"
        );
        assert_eq!(
            tracking_problem(
                &TrackingProblem::YearNotBefore {
                    year: 2026,
                    plan_year: 2026
                },
                Locale::Vi
            ),
            "Năm 2026 không trước năm kế hoạch 2026: chỉ nhập kết quả các năm trước."
        );
        assert_eq!(
            history_chart_label(
                &[(2016, "4,28%".into(), false), (2019, "53,58%".into(), true)],
                Locale::Vi
            ),
            "Diễn biến qua các năm: 2016: 4,28%; 2019 (năm nay, đến nay): 53,58%"
        );
        for p in [
            TrackingProblem::YearMissing,
            TrackingProblem::YearNotAYear,
            TrackingProblem::YearTwice(2017),
            TrackingProblem::Value(NumberError::NotANumber),
            TrackingProblem::Negative,
            TrackingProblem::StandingNumber(StandingField::Of, NumberError::Empty),
            TrackingProblem::StandingZero,
            TrackingProblem::StandingBeyond,
        ] {
            assert!(!tracking_problem(&p, Locale::Vi).is_empty());
            assert_ne!(
                tracking_problem(&p, Locale::Vi),
                tracking_problem(&p, Locale::En)
            );
        }
    }

    #[test]
    fn scorecard_words() {
        let c = Scorecard {
            met: 8,
            not_met: 1,
            pending: 0,
            not_gauged: 0,
        };
        assert_eq!(scorecard_headline(&c, Locale::Vi), "8/9 chỉ tiêu đạt");
        assert_eq!(scorecard_details(&c, Locale::En), "1 not met");
    }
}
