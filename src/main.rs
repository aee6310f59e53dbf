//! Entry point: mounts the workbook into the page.

fn main() {
    cchc_workbook::browser::remove_loading_notice();
    leptos::mount::mount_to_body(cchc_workbook::components::app::App);
}
