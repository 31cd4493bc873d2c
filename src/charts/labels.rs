//! Label placement: the width a label will take (estimated, since the browser, not debrief,
//! lays the text out), and rows for labels that would overlap. Labels are placed beside the
//! point they name, to its right where they fit, else to its left, always inside the plot;
//! a label that would overlap one already placed goes to the next row down.

/// Estimated advance of one character, in em, for a generic sans-serif font. The figures are
/// DejaVu Sans' (the widest of the usual defaults) rounded up, so that estimates err wide.
fn advance(c: char) -> f64 {
    match c {
        // The no-break spaces of French typography (`15 h 12 :`, `97,8 %`, `1 962`) are
        // no wider than a space.
        ' ' | '\u{A0}' | '\u{202F}' => 0.32,
        'i' | 'l' | 'j' | 'I' | '!' | '|' | '.' | ',' | ':' | ';' | '\'' => 0.30,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '/' => 0.42,
        'm' | 'M' | 'W' | '@' | '%' => 1.0,
        'w' => 0.84,
        '0'..='9' => 0.64,
        'A'..='Z' => 0.74,
        'a'..='z' => 0.63,
        '…' => 1.0,
        // Accented letters, symbols, and anything else.
        _ => 0.76,
    }
}

/// Estimated width of `text` at `px` (font size in SVG units).
pub fn text_width(text: &str, px: f64) -> f64 {
    text.chars().map(advance).sum::<f64>() * px
}

/// `text` cut with an ellipsis so that it fits in `max` SVG units at `px`; as it is when it
/// fits.
pub fn fit(text: &str, px: f64, max: f64) -> String {
    if text_width(text, px) <= max {
        return text.to_string();
    }
    let room = max - advance('…') * px;
    let mut out = String::new();
    let mut width = 0.0;
    for c in text.chars() {
        width += advance(c) * px;
        if width > room {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Space between a label and the point it names.
pub const OFFSET: f64 = 4.0;

/// A label to place: the x of the point it names and its width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Want {
    pub anchor: f64,
    pub width: f64,
}

/// A placed label: its left edge and its row (0 is the first).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub left: f64,
    pub row: usize,
}

/// Where one label goes along x, inside [`lo`, `hi`]: right of its anchor when it fits there,
/// else left of it, else pushed inside the bounds. A label wider than the bounds starts at
/// `lo` (cut it with [`fit`] first).
pub fn beside(want: Want, lo: f64, hi: f64) -> f64 {
    let right = want.anchor + OFFSET;
    let left = if right + want.width <= hi {
        right
    } else {
        want.anchor - OFFSET - want.width
    };
    left.min(hi - want.width).max(lo)
}

/// Places labels in rows: each goes [`beside`] its anchor, in the first row where it stays at
/// least `gap` away from every label already there. Labels are taken from left to right (by
/// anchor, then by their order in `wants`), so the result depends on the input only.
pub fn place(wants: &[Want], lo: f64, hi: f64, gap: f64) -> Vec<Placed> {
    let mut order: Vec<usize> = (0..wants.len()).collect();
    order.sort_by(|a, b| wants[*a].anchor.total_cmp(&wants[*b].anchor).then(a.cmp(b)));
    let mut rows: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut out = vec![Placed { left: lo, row: 0 }; wants.len()];
    for i in order {
        let left = beside(wants[i], lo, hi);
        let right = left + wants[i].width;
        let free = |row: &Vec<(f64, f64)>| {
            row.iter()
                .all(|(l, r)| right + gap <= *l || left >= *r + gap)
        };
        let row = match rows.iter().position(free) {
            Some(r) => r,
            None => {
                rows.push(Vec::new());
                rows.len() - 1
            }
        };
        rows[row].push((left, right));
        out[i] = Placed { left, row };
    }
    out
}

/// Whether a placed label is best drawn anchored at its right end (`left + width`): when it
/// sits left of the point it names, or against the right bound. The browser then lays it out
/// to end exactly there; since estimates err wide, the real text stays inside the extent
/// [`place`] reserved, and hugs its point or bound rather than leaving a gap.
pub fn ends_at_right(want: Want, left: f64, hi: f64) -> bool {
    let right = left + want.width;
    right <= want.anchor || right >= hi - 0.5
}

/// How many rows [`place`] used.
pub fn rows(placed: &[Placed]) -> usize {
    placed.iter().map(|p| p.row + 1).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_no_overlap(wants: &[Want], placed: &[Placed], lo: f64, hi: f64, gap: f64) {
        for (i, (w, p)) in wants.iter().zip(placed).enumerate() {
            assert!(
                p.left >= lo - 1e-9,
                "label {i} starts before the plot: {p:?}"
            );
            assert!(
                p.left + w.width <= hi + 1e-9,
                "label {i} ends after the plot: {p:?} {w:?}"
            );
            for (j, (v, q)) in wants.iter().zip(placed).enumerate().skip(i + 1) {
                if p.row == q.row {
                    let apart = p.left + w.width + gap <= q.left + 1e-9
                        || q.left + v.width + gap <= p.left + 1e-9;
                    assert!(apart, "labels {i} and {j} overlap in row {}", p.row);
                }
            }
        }
    }

    #[test]
    fn width_estimates_err_wide_and_grow_with_the_font() {
        // "15:46" at 12 px: 4 digits (0.64 em) and a colon (0.30 em) = 2.86 em = 34.32.
        assert!((text_width("15:46", 12.0) - 34.32).abs() < 1e-9);
        assert!((text_width("15:46", 24.0) - 68.64).abs() < 1e-9);
        assert!(text_width("mmmm", 10.0) > text_width("iiii", 10.0));
        assert_eq!(text_width("", 12.0), 0.0);
    }

    #[test]
    fn fit_cuts_with_an_ellipsis_only_when_needed() {
        assert_eq!(fit("detected", 12.0, 500.0), "detected");
        let cut = fit("Restart the encoder and the Vimeo event", 12.0, 100.0);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(text_width(&cut, 12.0) <= 100.0, "{cut}");
    }

    #[test]
    fn the_samples_mitigated_and_communicated_go_to_two_rows() {
        // The sample on an 880-unit plot over 14:30-19:00 (270 min): mitigated at 15:46 and
        // communicated at 15:48 are 6.5 units apart; their labels are ~100 wide.
        let x = |min: f64| 60.0 + min * 800.0 / 270.0;
        let wants = [
            Want {
                anchor: x(42.0),
                width: 80.0,
            }, // impact 15:12
            Want {
                anchor: x(54.0),
                width: 90.0,
            }, // detected 15:24
            Want {
                anchor: x(76.0),
                width: 110.0,
            }, // mitigated 15:46
            Want {
                anchor: x(78.0),
                width: 130.0,
            }, // communicated 15:48
            Want {
                anchor: x(92.0),
                width: 100.0,
            }, // recovered 16:02
        ];
        let placed = place(&wants, 60.0, 860.0, 6.0);
        assert_no_overlap(&wants, &placed, 60.0, 860.0, 6.0);
        assert_ne!(placed[2].row, placed[3].row);
        assert_eq!(placed[2].row, 0, "the first of them keeps the first row");
        // Each label starts just right of its point, where there is room.
        assert_eq!(placed[2].left, x(76.0) + OFFSET);
        assert_eq!(placed[3].left, x(78.0) + OFFSET);
    }

    #[test]
    fn labels_near_the_edges_stay_inside() {
        // A point at the right edge: its label goes to its left. One at the left edge of a
        // label wider than the room to its left starts at the plot's edge.
        let wants = [
            Want {
                anchor: 995.0,
                width: 120.0,
            },
            Want {
                anchor: 2.0,
                width: 50.0,
            },
            Want {
                anchor: 990.0,
                width: 60.0,
            },
        ];
        let placed = place(&wants, 0.0, 1000.0, 4.0);
        assert_no_overlap(&wants, &placed, 0.0, 1000.0, 4.0);
        assert_eq!(placed[0].left, 995.0 - OFFSET - 120.0);
        assert_eq!(placed[1].left, 2.0 + OFFSET);
        // A label wider than the plot starts at its left edge.
        assert_eq!(
            beside(
                Want {
                    anchor: 50.0,
                    width: 2000.0
                },
                0.0,
                1000.0
            ),
            0.0
        );
    }

    #[test]
    fn no_two_labels_of_a_row_ever_overlap() {
        // A deterministic pseudo-random sweep: clusters, ties, labels of every width.
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..500 {
            let (lo, hi) = (40.0, 40.0 + 200.0 + next(800) as f64);
            let n = 1 + next(12) as usize;
            let wants: Vec<Want> = (0..n)
                .map(|_| Want {
                    anchor: lo + next((hi - lo) as u64 + 1) as f64,
                    // Never wider than the plot: callers cut such labels with `fit`.
                    width: (5 + next(((hi - lo) as u64 - 5).min(300))) as f64,
                })
                .collect();
            let placed = place(&wants, lo, hi, 6.0);
            assert_no_overlap(&wants, &placed, lo, hi, 6.0);
            assert!(rows(&placed) <= n);
        }
    }

    #[test]
    fn labels_left_of_their_point_or_at_the_edge_end_there() {
        let w = Want {
            anchor: 900.0,
            width: 150.0,
        };
        let left = beside(w, 0.0, 1000.0);
        assert!(ends_at_right(w, left, 1000.0));
        let w = Want {
            anchor: 100.0,
            width: 150.0,
        };
        assert!(!ends_at_right(w, beside(w, 0.0, 1000.0), 1000.0));
    }

    #[test]
    fn placement_does_not_depend_on_input_order_beyond_ties() {
        let a = [
            Want {
                anchor: 100.0,
                width: 50.0,
            },
            Want {
                anchor: 101.0,
                width: 50.0,
            },
        ];
        let b = [a[1], a[0]];
        let pa = place(&a, 0.0, 500.0, 4.0);
        let pb = place(&b, 0.0, 500.0, 4.0);
        assert_eq!((pa[0], pa[1]), (pb[1], pb[0]));
    }
}
