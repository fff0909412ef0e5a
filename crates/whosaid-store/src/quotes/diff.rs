//! Word-level differences between a variant and the canonical wording.

use serde::Serialize;

/// One stretch of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "op", content = "text")]
pub enum DiffOp {
    /// Words both have.
    Same(String),
    /// Words only the variant has.
    Added(String),
    /// Words only the canonical wording has.
    Removed(String),
}

/// Longest quote, in words, diffed word by word; longer ones are compared
/// as wholes (the table is words × words).
const MAX_WORDS: usize = 400;

/// The diff from `canonical` to `variant`, by words (longest common
/// subsequence); runs of one kind are joined.
pub fn word_diff(canonical: &str, variant: &str) -> Vec<DiffOp> {
    let a: Vec<&str> = canonical.split_whitespace().collect();
    let b: Vec<&str> = variant.split_whitespace().collect();
    if a.len() > MAX_WORDS || b.len() > MAX_WORDS {
        return vec![
            DiffOp::Removed(canonical.to_string()),
            DiffOp::Added(variant.to_string()),
        ];
    }
    // lcs[i][j]: longest common subsequence of a[i..] and b[j..].
    let w = b.len() + 1;
    let mut lcs = vec![0u16; (a.len() + 1) * w];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i * w + j] = if same(a[i], b[j]) {
                lcs[(i + 1) * w + j + 1] + 1
            } else {
                lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
            };
        }
    }
    let mut ops: Vec<DiffOp> = Vec::new();
    let mut push = |op: fn(String) -> DiffOp, word: &str| {
        let kind = op(String::new());
        match ops.last_mut() {
            Some(last) if std::mem::discriminant(last) == std::mem::discriminant(&kind) => {
                let text = match last {
                    DiffOp::Same(t) | DiffOp::Added(t) | DiffOp::Removed(t) => t,
                };
                text.push(' ');
                text.push_str(word);
            }
            _ => ops.push(op(word.to_string())),
        }
    };
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && same(a[i], b[j]) {
            push(DiffOp::Same, b[j]);
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i * w + j + 1] >= lcs[(i + 1) * w + j]) {
            push(DiffOp::Added, b[j]);
            j += 1;
        } else {
            push(DiffOp::Removed, a[i]);
            i += 1;
        }
    }
    ops
}

/// Words equal but for case, punctuation and quote styles.
fn same(a: &str, b: &str) -> bool {
    super::normalize::normalize(a) == super::normalize::normalize(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_added_and_dropped_words_are_marked() {
        let d = word_diff(
            "We will not back down from this fight.",
            "We won't back down from this fight, ever.",
        );
        assert_eq!(
            d,
            vec![
                DiffOp::Same("We".into()),
                DiffOp::Added("won't".into()),
                DiffOp::Removed("will not".into()),
                DiffOp::Same("back down from this fight,".into()),
                DiffOp::Added("ever.".into()),
            ]
        );
        assert_eq!(
            word_diff("Same words.", "same words"),
            vec![DiffOp::Same("same words".into())]
        );
    }

    #[test]
    fn serialized_as_op_and_text() {
        let json = serde_json::to_string(&DiffOp::Added("ever".into())).unwrap();
        assert_eq!(json, r#"{"op":"added","text":"ever"}"#);
    }
}
