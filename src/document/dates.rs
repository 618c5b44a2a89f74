//! TEMPORARY STUB (replaced by the real recogniser)
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
}
impl Date {
    pub fn precision(&self) -> Precision {
        Precision::Year
    }
    pub fn iso(&self) -> String {
        String::new()
    }
}
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMatch {
    pub date: Date,
    pub range: std::ops::Range<usize>,
}
pub fn find_dates(_text: &str) -> Vec<DateMatch> {
    Vec::new()
}
pub fn heading_date(_text: &str) -> Option<Date> {
    None
}
