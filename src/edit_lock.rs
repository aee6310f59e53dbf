//! Which tab edits: browser glue for the Web Locks API and a BroadcastChannel.
//!
//! The tab that edits holds the lock `cchc-workbook-editing`; the browser releases it when
//! that tab is closed or crashes, so a lost tab never keeps the workbook locked. Tabs talk on
//! the channel `cchc-workbook`: the editing tab says when it has saved (the others read the
//! plans again), and a tab that wants to edit asks the editing tab to let go (it saves first).
//! The policy (who asks, when to take the lock) is in [`crate::tab_role`].

use std::cell::RefCell;

use js_sys::{Function, Object, Promise, Reflect};
use leptos::prelude::{RwSignal, Set};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

const LOCK_NAME: &str = "cchc-workbook-editing";
const CHANNEL_NAME: &str = "cchc-workbook";

#[wasm_bindgen]
extern "C" {
    /// `navigator.locks.request(name, options, callback)`.
    #[wasm_bindgen(js_namespace = ["navigator", "locks"], js_name = request, catch)]
    fn request_lock(name: &str, options: &Object, callback: &JsValue) -> Result<Promise, JsValue>;
}

thread_local! {
    /// Resolving it releases the lock this tab holds.
    static RELEASE: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// What asking for the lock gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Claim {
    /// This tab holds the lock.
    Granted,
    /// Another tab holds it.
    HeldElsewhere,
    /// The browser has no Web Locks (an old browser, a page not served securely): this tab
    /// edits, uncoordinated, as every tab did before.
    Unsupported,
}

/// Asks for the lock: at once if it is free, or, with `steal`, even from the tab holding it.
/// `editable` is set to false if the lock is later taken from this tab.
pub async fn claim(steal: bool, editable: RwSignal<bool>) -> Claim {
    let options = Object::new();
    let flag = if steal { "steal" } else { "ifAvailable" };
    if Reflect::set(&options, &flag.into(), &JsValue::TRUE).is_err() {
        return Claim::Unsupported;
    }
    let mut grant: Option<Function> = None;
    let granted = Promise::new(&mut |resolve, _| grant = Some(resolve));
    let Some(grant) = grant else {
        return Claim::Unsupported;
    };
    let callback = Closure::once_into_js(move |lock: JsValue| -> JsValue {
        if lock.is_null() {
            let _ = grant.call1(&JsValue::NULL, &JsValue::FALSE);
            return JsValue::UNDEFINED;
        }
        // Held until `release` resolves this promise.
        let mut release: Option<Function> = None;
        let held = Promise::new(&mut |resolve, _| release = Some(resolve));
        RELEASE.with(|r| *r.borrow_mut() = release);
        let _ = grant.call1(&JsValue::NULL, &JsValue::TRUE);
        held.into()
    });
    let Ok(request) = request_lock(LOCK_NAME, &options, &callback) else {
        return Claim::Unsupported;
    };
    let outcome = JsFuture::from(granted).await;
    if outcome.ok().and_then(|v| v.as_bool()) != Some(true) {
        return Claim::HeldElsewhere;
    }
    // The request settles when the lock is let go: fulfilled when this tab released it,
    // rejected when another tab stole it.
    wasm_bindgen_futures::spawn_local(async move {
        if JsFuture::from(request).await.is_err() {
            RELEASE.with(|r| r.borrow_mut().take());
            editable.set(false);
        }
    });
    Claim::Granted
}

/// Lets go of the lock, if this tab holds it.
pub fn release() {
    if let Some(resolve) = RELEASE.with(|r| r.borrow_mut().take()) {
        let _ = resolve.call0(&JsValue::NULL);
    }
}

/// A message between tabs of the workbook.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TabMessage {
    /// The editing tab wrote its changes.
    Saved,
    /// A tab asks the editing tab to let go.
    PleaseRelease,
    /// The editing tab saved and let go.
    Released,
}

impl TabMessage {
    fn code(self) -> &'static str {
        match self {
            TabMessage::Saved => "saved",
            TabMessage::PleaseRelease => "please-release",
            TabMessage::Released => "released",
        }
    }
    fn from_code(code: &str) -> Option<TabMessage> {
        [
            TabMessage::Saved,
            TabMessage::PleaseRelease,
            TabMessage::Released,
        ]
        .into_iter()
        .find(|m| m.code() == code)
    }
}

/// The channel between this tab and the other tabs of the workbook.
#[derive(Clone)]
pub struct TabChannel(Option<web_sys::BroadcastChannel>);

impl TabChannel {
    /// Opens the channel; `on_message` gets what other tabs say. Without BroadcastChannel the
    /// tab talks to no one.
    pub fn open(on_message: impl Fn(TabMessage) + 'static) -> TabChannel {
        let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL_NAME) else {
            return TabChannel(None);
        };
        let listener =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                if let Some(message) = e.data().as_string().and_then(|c| TabMessage::from_code(&c))
                {
                    on_message(message);
                }
            });
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        // The channel lives as long as the page.
        listener.forget();
        TabChannel(Some(channel))
    }

    pub fn post(&self, message: TabMessage) {
        if let Some(channel) = &self.0 {
            let _ = channel.post_message(&message.code().into());
        }
    }
}
