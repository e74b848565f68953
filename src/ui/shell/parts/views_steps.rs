//! Steps of the views' chunk: store work that only a view's action leads to, kept off the
//! first screen. Undoing the deletion of several records at once (a goal with its ratings,
//! an entry with its insights) is one: only a view deletes several records together, so
//! by the time an Undo offers it the chunk is in.
//!
//! Must never be called before the chunk is in (a step then answers `None`), and never
//! fetch the chunk but through the prefetch or a retry.

use crate::domain::AnyRecord;
use crate::ui::store::JournalStore;

crate::ui::shell::parts::split_steps! { views_part, views_split, preload_views_steps;
    /// Brings back `deleted` together ([`JournalStore::undo`]); whether it was stored.
    fn undo_together(store: JournalStore, deleted: Vec<AnyRecord>) -> bool, preload preload_undo {
        store.change_together(deleted, &[]).is_some()
    }
}
