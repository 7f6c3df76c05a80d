//! Story text is Markdown. It is rendered to HTML and then sanitised, so no
//! script, event handler or `javascript:` link can ever reach a page.

use pulldown_cmark::{Event, Options, Parser, html};

pub fn render(markdown: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TABLES);
    let parser = Parser::new_ext(markdown, options);
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, parser);
    sanitise(&out)
}

/// The words of a Markdown text without any markup, cut at a word boundary
/// after about `max` characters: for summaries in lists and feeds. Raw HTML
/// in the source is dropped, not shown as text.
pub fn plain_excerpt(markdown: &str, max: usize) -> String {
    let mut words = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => words.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => words.push(' '),
            _ => {}
        }
    }
    let plain = words.split_whitespace().collect::<Vec<_>>().join(" ");
    if plain.chars().count() <= max {
        return plain;
    }
    let cut: String = plain.chars().take(max).collect();
    match cut.rfind(' ') {
        Some(i) => format!("{}…", &cut[..i]),
        None => format!("{cut}…"),
    }
}

fn sanitise(html: &str) -> String {
    ammonia::Builder::default()
        // Headings inside a story start below the page's own h1/h2.
        .rm_tags(["h1", "img"])
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_schemes(["http", "https", "mailto"].into())
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn renders_markdown() {
        let html = render("Een **vet** woord en een [link](https://example.nl).");
        assert!(html.contains("<strong>vet</strong>"));
        assert!(html.contains("href=\"https://example.nl\""));
        assert!(html.contains("rel=\"noopener noreferrer nofollow\""));
    }

    #[test]
    fn excerpt_is_plain_text_cut_at_a_word() {
        let e = super::plain_excerpt(
            "Een **vette** <img src=x onerror=alert(1)> zin.\n\nTweede alinea met veel woorden",
            30,
        );
        assert!(!e.contains('<') && !e.contains('*'), "{e}");
        assert!(e.starts_with("Een vette zin."), "{e}");
        assert!(e.ends_with('…'));
        assert!(e.chars().count() <= 31);
    }

    #[test]
    fn strips_script_handlers_and_javascript_links() {
        let html = render(
            "<script>alert(1)</script>\n\n<a href=\"javascript:alert(2)\" onclick=\"x()\">klik</a>\n\n[ook](javascript:alert(3))\n\n<img src=x onerror=alert(4)>",
        );
        for bad in ["<script", "alert(1)", "javascript:", "onclick", "onerror"] {
            assert!(!html.contains(bad), "{bad} leaked into {html}");
        }
    }
}
