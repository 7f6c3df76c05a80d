//! A bar chart of means on the 1–5 scale, drawn as SVG on the server: one
//! bar per group and one for all, the 0-meting as a dashed line with its
//! value. Black, white and greys only, with every figure also written
//! out, so it reads in print and in black and white; a title and a
//! description for screen readers, and the data table beside it on the
//! page has the same figures.

use std::fmt::Write;

/// One bar: its label, the mean (None: not shown) and the 0-meting's.
pub struct Bar {
    pub label: String,
    pub mean: Option<f64>,
    pub baseline: Option<f64>,
    /// The overall bar is drawn darker.
    pub total: bool,
}

const WIDTH: f64 = 640.0;
const LABEL: f64 = 190.0;
const RIGHT: f64 = 60.0;
const ROW: f64 = 30.0;
const TOP: f64 = 10.0;
const AXIS: f64 = 30.0;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// x of a point on the scale 1..=5.
fn x(v: f64) -> f64 {
    LABEL + (v.clamp(1.0, 5.0) - 1.0) / 4.0 * (WIDTH - LABEL - RIGHT)
}

/// The chart; `id` makes the title and description ids unique on the
/// page; `hidden` is the text for a bar too small to show.
pub fn bars(
    id: &str,
    title: &str,
    description: &str,
    bars: &[Bar],
    hidden: &str,
    decimal_comma: bool,
) -> String {
    let number = |v: f64| {
        let s = format!("{v:.1}");
        if decimal_comma {
            s.replace('.', ",")
        } else {
            s
        }
    };
    let height = TOP + ROW * bars.len() as f64 + AXIS;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="vo-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{id}-titel {id}-uitleg"><title id="{id}-titel">{}</title><desc id="{id}-uitleg">{}</desc>"#,
        escape(title),
        escape(description)
    );
    for (i, b) in bars.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        let _ = write!(
            svg,
            r##"<text x="{}" y="{}" text-anchor="end" font-size="13" fill="#000">{}</text>"##,
            LABEL - 8.0,
            y + 19.0,
            escape(&b.label)
        );
        match b.mean {
            Some(m) => {
                let fill = if b.total { "#222" } else { "#777" };
                let _ = write!(
                    svg,
                    r##"<rect x="{LABEL}" y="{}" width="{:.1}" height="18" fill="{fill}" stroke="#000" stroke-width="1"/><text x="{:.1}" y="{}" font-size="13" fill="#000">{}</text>"##,
                    y + 6.0,
                    (x(m) - LABEL).max(1.0),
                    x(m) + 6.0,
                    y + 19.0,
                    number(m)
                );
            }
            None => {
                let _ = write!(
                    svg,
                    r##"<text x="{}" y="{}" font-size="13" font-style="italic" fill="#000">{}</text>"##,
                    LABEL + 4.0,
                    y + 19.0,
                    escape(hidden)
                );
            }
        }
        if let (Some(base), Some(_)) = (b.baseline, b.mean) {
            let _ = write!(
                svg,
                r##"<line x1="{0:.1}" x2="{0:.1}" y1="{1}" y2="{2}" stroke="#000" stroke-width="2" stroke-dasharray="4 3"/>"##,
                x(base),
                y + 2.0,
                y + 28.0
            );
        }
    }
    let axis_y = TOP + ROW * bars.len() as f64 + 4.0;
    let _ = write!(
        svg,
        r##"<line x1="{LABEL}" x2="{}" y1="{axis_y}" y2="{axis_y}" stroke="#000"/>"##,
        WIDTH - RIGHT
    );
    for point in 1..=5 {
        let px = x(f64::from(point));
        let _ = write!(
            svg,
            r##"<line x1="{px:.1}" x2="{px:.1}" y1="{axis_y}" y2="{}" stroke="#000"/><text x="{px:.1}" y="{}" text-anchor="middle" font-size="12" fill="#000">{point}</text>"##,
            axis_y + 5.0,
            axis_y + 19.0
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chart_names_itself_and_escapes_labels() {
        let svg = bars(
            "g1",
            "Aanspreken <team>",
            "Gemiddelde per groep",
            &[
                Bar {
                    label: "A & B".into(),
                    mean: Some(3.3),
                    baseline: Some(2.5),
                    total: false,
                },
                Bar {
                    label: "C".into(),
                    mean: None,
                    baseline: None,
                    total: false,
                },
            ],
            "te weinig antwoorden",
            true,
        );
        assert!(svg.contains(r#"aria-labelledby="g1-titel g1-uitleg""#));
        assert!(svg.contains("<title id=\"g1-titel\">Aanspreken &lt;team&gt;</title>"));
        assert!(svg.contains("A &amp; B"));
        assert!(svg.contains(">3,3<"), "{svg}");
        assert!(svg.contains("stroke-dasharray"));
        assert!(svg.contains("te weinig antwoorden"));
    }
}
