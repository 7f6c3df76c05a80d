//! A plain PDF from text: one page per item, lines wrapped to the page.
//! For the demo publications (the product never makes PDFs for users).

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};

/// Characters per line at 11 points of Helvetica on an A4 page.
const LINE_CHARS: usize = 88;
const LINES_PER_PAGE: usize = 52;

/// A PDF with `title` on the first page and then `paragraphs`, wrapped.
pub fn from_text(title: &str, paragraphs: &[String]) -> Vec<u8> {
    let mut lines: Vec<(String, i64)> = vec![(title.to_string(), 18), (String::new(), 11)];
    for p in paragraphs {
        lines.extend(wrap(p).into_iter().map(|l| (l, 11)));
        lines.push((String::new(), 11));
    }
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let mut kids = Vec::new();
    for chunk in lines.chunks(LINES_PER_PAGE) {
        let mut ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("TL", vec![14.into()]),
            Operation::new("Td", vec![56.into(), 780.into()]),
        ];
        for (line, size) in chunk {
            ops.push(Operation::new("Tf", vec!["F1".into(), (*size).into()]));
            ops.push(Operation::new(
                "Tj",
                vec![Object::String(latin1(line), lopdf::StringFormat::Literal)],
            ));
            ops.push(Operation::new("T*", vec![]));
        }
        ops.push(Operation::new("ET", vec![]));
        let bytes = Content { operations: ops }.encode().unwrap_or_default();
        let content = doc.add_object(Stream::new(dictionary! {}, bytes));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content,
        });
        kids.push(page.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = doc.save_to(&mut out);
    out
}

/// Words to lines of at most `LINE_CHARS` characters.
fn wrap(text: &str) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().map(|l| l.chars().count()).unwrap_or(0);
        if line > 0 && line + 1 + word.chars().count() > LINE_CHARS {
            lines.push(String::new());
        }
        if let Some(last) = lines.last_mut() {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    lines
}

/// WinAnsi bytes for the text (é, ë and the like are in it; other
/// characters become '?').
fn latin1(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_becomes_several_pages_that_open() {
        let paragraphs: Vec<String> = (0..40)
            .map(|i| format!("Alinea {i}: wat het team leerde van een jaar werken met vaste koppels in de wijk, en wat het anders zou doen."))
            .collect();
        let bytes = from_text("Rapport", &paragraphs);
        let doc = Document::load_mem(&bytes).expect("opens");
        assert!(doc.get_pages().len() >= 3, "{}", doc.get_pages().len());
    }
}
