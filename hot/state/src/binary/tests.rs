use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::*;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Point {
    x: f32,
    y: f32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum Shape {
    Dot,
    Circle(f32),
    Line(Point, Point),
    Box { corner: Point, size: Point },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Meters(f64);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct State {
    frames: u64,
    offset: i32,
    alive: bool,
    name: String,
    letter: char,
    player: Point,
    shapes: Vec<Shape>,
    best: Option<u32>,
    nothing: Option<String>,
    scores: BTreeMap<u32, String>,
    pair: (u8, i64),
    grid: [[u8; 2]; 2],
    distance: Meters,
    unit: (),
    huge: u64,
    not_a_number: f32,
}

fn state() -> State {
    State {
        frames: 42,
        offset: -7,
        alive: true,
        name: "pilot \u{1f680}".into(),
        letter: 'ß',
        player: Point { x: 1.1, y: -2.5 },
        shapes: vec![
            Shape::Dot,
            Shape::Circle(3.0),
            Shape::Line(Point::default(), Point { x: 0.1, y: 0.2 }),
            Shape::Box { corner: Point { x: 5.0, y: 6.0 }, size: Point { x: 7.0, y: 8.0 } },
        ],
        best: Some(9),
        nothing: None,
        scores: BTreeMap::from([(1, "one".into()), (20, "twenty".into())]),
        pair: (255, i64::MIN),
        grid: [[1, 2], [3, 4]],
        distance: Meters(12.5),
        unit: (),
        huge: u64::MAX,
        not_a_number: 0.25,
    }
}

fn saved<T: Serialize>(value: &T) -> Vec<u8> {
    write(value).unwrap()
}

/// What a JSON hand-over held: serde_json's text, read back.
fn json<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::from_str(&serde_json::to_string(value).unwrap()).unwrap()
}

#[test]
fn a_state_reads_back_as_it_was_and_vouches_for_it() {
    let (read, vouched) = from_saved::<State>(&saved(&state())).unwrap();
    assert_eq!(read, state());
    // The BTreeMap went through a map: the read cannot vouch that a struct took every key.
    assert!(!vouched);
    let (read, vouched) = from_saved::<Vec<Shape>>(&saved(&state().shapes)).unwrap();
    assert_eq!(read, state().shapes);
    assert!(vouched);
}

#[test]
fn as_json_values_it_is_what_serde_json_writes() {
    let state = state();
    assert_eq!(to_value(&saved(&state)).unwrap(), json(&state));
    assert_eq!(to_json(&saved(&state)).unwrap(), json(&state).to_string());
    let map = HashMap::from([(3_i64, vec![1.5_f64, f64::NAN])]);
    assert_eq!(to_value(&saved(&map)).unwrap(), json(&map));
    // JSON's own text is read as it is.
    assert_eq!(to_value(b"{\"a\":1}").unwrap(), serde_json::json!({"a": 1}));
}

#[test]
fn a_struct_whose_fields_changed_is_read_by_name_as_json_would_and_not_vouched_for() {
    #[derive(Debug, Deserialize, PartialEq)]
    struct Renamed {
        #[serde(alias = "x")]
        across: f32,
        y: f32,
    }
    #[derive(Debug, Deserialize, PartialEq)]
    struct Added {
        x: f32,
        y: f32,
        #[serde(default)]
        z: f32,
    }
    #[derive(Debug, Deserialize, PartialEq)]
    struct Reordered {
        y: f32,
        x: f32,
    }
    #[derive(Debug, Deserialize, PartialEq)]
    struct Removed {
        y: f32,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Required {
        x: f32,
        w: f32,
    }
    let point = saved(&Point { x: 1.0, y: 2.0 });
    assert_eq!(from_saved::<Renamed>(&point).unwrap(), (Renamed { across: 1.0, y: 2.0 }, false));
    assert_eq!(from_saved::<Added>(&point).unwrap(), (Added { x: 1.0, y: 2.0, z: 0.0 }, false));
    assert_eq!(from_saved::<Reordered>(&point).unwrap(), (Reordered { y: 2.0, x: 1.0 }, false));
    assert_eq!(from_saved::<Removed>(&point).unwrap(), (Removed { y: 2.0 }, false));
    assert!(from_saved::<Required>(&point).unwrap_err().0.contains("missing field `w`"));
    // The same struct, many times: the comparison of its fields is remembered, either way.
    let points = saved(&vec![Point { x: 1.0, y: 2.0 }; 3]);
    assert_eq!(from_saved::<Vec<Added>>(&points).unwrap().0.len(), 3);
    assert!(from_saved::<Vec<Point>>(&points).unwrap().1);
    // A map that became a struct, and a struct that became a map, as JSON reads them.
    let map = saved(&BTreeMap::from([("x", 1.0_f32), ("y", 2.0)]));
    assert_eq!(from_saved::<Reordered>(&map).unwrap().0, Reordered { y: 2.0, x: 1.0 });
    assert_eq!(from_saved::<BTreeMap<String, f32>>(&point).unwrap().0.len(), 2);
}

#[test]
fn an_outline_has_each_arrays_first_item_only() {
    #[derive(Serialize)]
    struct Outlined {
        points: Vec<Point>,
        none: Vec<u8>,
        end: &'static str,
    }
    let outlined = Outlined { points: vec![Point { x: 1.0, y: 2.0 }, Point::default()], none: Vec::new(), end: "end" };
    let expected = serde_json::json!({"points": [{"x": 1.0, "y": 2.0}], "none": [], "end": "end"});
    assert_eq!(to_outline(&saved(&outlined)).unwrap(), expected);
    assert_eq!(to_outline(&serde_json::to_vec(&outlined).unwrap()).unwrap(), expected);
}

#[test]
fn values_are_read_only_as_the_kinds_they_were_saved_as_numbers_as_any_number() {
    #[derive(Debug, Deserialize, PartialEq)]
    struct Point {
        x: f64,
        y: i8,
    }
    #[derive(Serialize)]
    struct Saved {
        x: u8,
        y: u8,
    }
    let (read, _) = from_saved::<Point>(&saved(&Saved { x: 3, y: 4 })).unwrap();
    assert_eq!(read, Point { x: 3.0, y: 4 });
    assert!(from_saved::<Point>(&saved(&Saved { x: 3, y: 200 })).is_err(), "200 does not fit an i8");
    assert!(from_saved::<String>(&saved(&5)).is_err());
    assert!(from_saved::<Vec<u8>>(&saved(&"text")).is_err());
    assert!(from_saved::<(u8, u8)>(&saved(&(1, 2, 3))).is_err(), "a saved item left over");
    // As JSON has it: a value that was not optional reads as `Some`.
    assert_eq!(from_saved::<Option<u8>>(&saved(&7)).unwrap().0, Some(7));
}

#[test]
fn an_enum_reads_its_variants_by_name_and_not_a_variant_it_no_longer_has() {
    #[derive(Debug, Deserialize, PartialEq)]
    enum Fewer {
        Circle(f32),
        Dot,
    }
    assert_eq!(from_saved::<Fewer>(&saved(&Shape::Dot)).unwrap().0, Fewer::Dot);
    assert!(from_saved::<Fewer>(&saved(&Shape::Box { corner: Point::default(), size: Point::default() })).is_err());
    #[derive(Debug, Deserialize, PartialEq)]
    enum Retyped {
        Circle(String),
    }
    assert!(from_saved::<Retyped>(&saved(&Shape::Circle(1.0))).is_err());
}

#[test]
fn serdes_buffered_reads_see_it_as_json_would_and_do_not_vouch() {
    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(untagged)]
    enum Either {
        Point { x: f32, y: f32 },
        Number(f32),
    }
    let (read, vouched) = from_saved::<Either>(&saved(&Point { x: 1.0, y: 2.0 })).unwrap();
    assert_eq!(read, Either::Point { x: 1.0, y: 2.0 });
    assert!(!vouched);
    // A `Some` is its value, as in JSON: the UI's memory is kept as an optional string, read so.
    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(untagged)]
    enum Memory {
        Text(String),
        Other(serde::de::IgnoredAny),
    }
    assert_eq!(from_saved::<Memory>(&saved(&Some("(windows: [])"))).unwrap().0, Memory::Text("(windows: [])".into()));
    assert!(matches!(from_saved::<Memory>(&saved(&None::<String>)).unwrap().0, Memory::Other(_)));
    let (read, _) = from_saved::<serde_json::Value>(&saved(&state())).unwrap();
    assert_eq!(read, serde_json::to_value(state()).unwrap(), "f32s as f64s, as serde_json::to_value has them");
}

#[test]
fn a_state_cut_short_or_not_this_format_is_an_error_not_a_panic() {
    let whole = saved(&state());
    for end in [0, 4, MAGIC.len(), whole.len() / 2, whole.len() - 1] {
        assert!(from_saved::<State>(&whole[..end]).is_err(), "cut at {end}");
        let _ = to_value(&whole[..end]);
    }
    let mut scrambled = whole.clone();
    for byte in scrambled[MAGIC.len()..].iter_mut().step_by(7) {
        *byte = byte.wrapping_add(101);
    }
    let _ = from_saved::<State>(&scrambled);
    let _ = to_value(&scrambled);
}

#[test]
fn structs_of_one_name_with_other_fields_each_keep_their_own_shape() {
    #[derive(Serialize)]
    struct Sparse {
        #[serde(skip_serializing_if = "Option::is_none")]
        a: Option<u8>,
        b: u8,
    }
    let items = vec![Sparse { a: Some(1), b: 2 }, Sparse { a: None, b: 3 }, Sparse { a: Some(4), b: 5 }];
    assert_eq!(to_value(&saved(&items)).unwrap(), json(&items));
}
