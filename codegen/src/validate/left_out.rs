//! The operation pages the spec leaves out on purpose (`left_out`): each a
//! file name of the documents, once, with a reason, and not also described.

use super::Validator;
use crate::model::{Document, LeftOut};
use crate::spec::Loaded;

impl Validator {
    pub(super) fn left_out(&mut self, loaded: &Loaded, documents: &[Document]) -> Vec<LeftOut> {
        let mut out: Vec<LeftOut> = Vec::new();
        for (file, part) in loaded.files.iter().zip(&loaded.parts) {
            for raw in &part.left_out {
                let at = self.item(file, "left_out", "file", &raw.file);
                self.file_name(file, at, &raw.file);
                self.non_empty(file, at, "reason", &raw.reason);
                if out.iter().any(|l| l.file == raw.file) {
                    let message = format!("page `{}` is left out twice", raw.file);
                    self.error(file, at, message);
                }
                if documents.iter().any(|d| d.file == raw.file) {
                    let message = format!(
                        "page `{}` is left out but also listed under `documents`: describe it or leave it out, not both",
                        raw.file
                    );
                    self.error(file, at, message);
                }
                out.push(LeftOut {
                    file: raw.file.clone(),
                    reason: raw.reason.clone(),
                });
            }
        }
        out.sort_by(|a, b| a.file.cmp(&b.file));
        out
    }
}
