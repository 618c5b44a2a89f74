//! Common given names that are nearly always one gender's, in English-language writing: a
//! pronoun (`she said`) never takes as its antecedent a person whose given name says
//! otherwise. A name in neither list (most of the world's) refuses nothing.

/// Whom a pronoun or a given name points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

const FEMALE: &[&str] = &[
    "Abigail",
    "Ada",
    "Alice",
    "Alison",
    "Amanda",
    "Amelia",
    "Amy",
    "Ana",
    "Andrea",
    "Angela",
    "Anita",
    "Ann",
    "Anna",
    "Anne",
    "Annie",
    "Audrey",
    "Barbara",
    "Beatrice",
    "Betty",
    "Brenda",
    "Brianna",
    "Caitlin",
    "Camille",
    "Carla",
    "Carmen",
    "Carol",
    "Caroline",
    "Catherine",
    "Charlotte",
    "Chloe",
    "Christina",
    "Christine",
    "Claire",
    "Clara",
    "Cynthia",
    "Daisy",
    "Deborah",
    "Denise",
    "Diana",
    "Diane",
    "Donna",
    "Doris",
    "Dorothy",
    "Eleanor",
    "Elena",
    "Elizabeth",
    "Ella",
    "Ellen",
    "Emily",
    "Emma",
    "Erin",
    "Eva",
    "Eve",
    "Evelyn",
    "Fatima",
    "Fiona",
    "Frances",
    "Gabriela",
    "Gloria",
    "Grace",
    "Hannah",
    "Heather",
    "Heidi",
    "Helen",
    "Helena",
    "Ines",
    "Ingrid",
    "Irene",
    "Isabel",
    "Isabella",
    "Jacqueline",
    "Jane",
    "Janet",
    "Janice",
    "Jasmine",
    "Jennifer",
    "Jessica",
    "Joan",
    "Joanna",
    "Josephine",
    "Joyce",
    "Judith",
    "Judy",
    "Julia",
    "Julie",
    "Karen",
    "Katherine",
    "Kathleen",
    "Kathryn",
    "Katie",
    "Kelly",
    "Kimberly",
    "Laura",
    "Lauren",
    "Lena",
    "Linda",
    "Lisa",
    "Lucy",
    "Lydia",
    "Margaret",
    "Maria",
    "Marie",
    "Marilyn",
    "Martha",
    "Mary",
    "Megan",
    "Melissa",
    "Meredith",
    "Michelle",
    "Mira",
    "Miriam",
    "Monica",
    "Nancy",
    "Natalie",
    "Nicole",
    "Olivia",
    "Pamela",
    "Patricia",
    "Paula",
    "Priya",
    "Rachel",
    "Rebecca",
    "Rosa",
    "Rose",
    "Ruth",
    "Samantha",
    "Sandra",
    "Sara",
    "Sarah",
    "Sharon",
    "Sherry",
    "Shirley",
    "Sofia",
    "Sophia",
    "Sophie",
    "Stephanie",
    "Susan",
    "Suzanne",
    "Tamara",
    "Teresa",
    "Theresa",
    "Timnit",
    "Tina",
    "Valerie",
    "Vanessa",
    "Velma",
    "Victoria",
    "Virginia",
    "Wendy",
    "Yvonne",
    "Zoe",
];

const MALE: &[&str] = &[
    "Aaron",
    "Adam",
    "Adrian",
    "Ahmed",
    "Alan",
    "Albert",
    "Alexander",
    "Andrew",
    "Anthony",
    "Arthur",
    "Benjamin",
    "Bernard",
    "Bill",
    "Bob",
    "Brandon",
    "Brian",
    "Bruce",
    "Carl",
    "Charles",
    "Christopher",
    "Colin",
    "Craig",
    "Daniel",
    "Dario",
    "David",
    "Dennis",
    "Donald",
    "Douglas",
    "Edward",
    "Eric",
    "Erik",
    "Eugene",
    "Frank",
    "Fred",
    "Gary",
    "Geoffrey",
    "George",
    "Gerald",
    "Giovanni",
    "Gordon",
    "Greg",
    "Gregory",
    "Harold",
    "Harry",
    "Henry",
    "Howard",
    "Hugo",
    "Ian",
    "Ilya",
    "Isaac",
    "Jack",
    "Jacob",
    "James",
    "Jason",
    "Jeff",
    "Jeffrey",
    "Jeremy",
    "Jim",
    "John",
    "Jonathan",
    "Joseph",
    "Joshua",
    "Juan",
    "Justin",
    "Keith",
    "Kenneth",
    "Kevin",
    "Larry",
    "Lawrence",
    "Leonard",
    "Louis",
    "Luis",
    "Marco",
    "Mark",
    "Martin",
    "Matthew",
    "Michael",
    "Mohammed",
    "Nathan",
    "Nicholas",
    "Oliver",
    "Omar",
    "Patrick",
    "Paul",
    "Peter",
    "Philip",
    "Ralph",
    "Raymond",
    "Richard",
    "Robert",
    "Roger",
    "Ronald",
    "Roy",
    "Russell",
    "Ryan",
    "Sam",
    "Samuel",
    "Scott",
    "Sean",
    "Stephen",
    "Steve",
    "Steven",
    "Stuart",
    "Thomas",
    "Timothy",
    "Todd",
    "Tom",
    "Tony",
    "Victor",
    "Vincent",
    "Walter",
    "Wayne",
    "William",
    "Yoshua",
    "Zack",
];

/// The gender a given name nearly always has, when it is one of the common ones listed.
pub fn of_given_name(name: &str) -> Option<Gender> {
    if FEMALE.binary_search(&name).is_ok() {
        Some(Gender::Female)
    } else if MALE.binary_search(&name).is_ok() {
        Some(Gender::Male)
    } else {
        None
    }
}

/// The gender a noun for a person gives the name it stands beside (`her late husband,
/// Emmanuel Adeyemi`; `his daughter Ama`): the noun is one of the last two words before
/// byte `at` of `text`, where the name starts, with at most a comma between.
pub fn of_noun_before(text: &str, at: usize) -> Option<Gender> {
    const MALE_NOUNS: &[&str] = &[
        "husband",
        "son",
        "father",
        "brother",
        "uncle",
        "nephew",
        "grandfather",
        "grandson",
        "boyfriend",
        "widower",
        "stepfather",
        "stepson",
        "spokesman",
        "chairman",
        "businessman",
        "king",
        "prince",
    ];
    const FEMALE_NOUNS: &[&str] = &[
        "wife",
        "daughter",
        "mother",
        "sister",
        "aunt",
        "niece",
        "grandmother",
        "granddaughter",
        "girlfriend",
        "widow",
        "stepmother",
        "stepdaughter",
        "spokeswoman",
        "chairwoman",
        "businesswoman",
        "queen",
        "princess",
    ];
    let before = text.get(..at)?;
    for word in before.split_whitespace().rev().take(2) {
        let w = word.trim_end_matches(',');
        if MALE_NOUNS.contains(&w) {
            return Some(Gender::Male);
        }
        if FEMALE_NOUNS.contains(&w) {
            return Some(Gender::Female);
        }
        if word != w || !w.chars().all(char::is_alphabetic) {
            break;
        }
    }
    None
}

/// The gender of an honorific that has one (`Mrs.`, `Mr`, `Ms.`).
pub fn of_honorific(title: &str) -> Option<Gender> {
    match title.trim_end_matches('.') {
        "Mrs" | "Ms" | "Miss" | "Madam" | "Madame" | "Dame" | "Lady" => Some(Gender::Female),
        "Mr" | "Sir" | "Lord" => Some(Gender::Male),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_noun_beside_a_name_gives_its_gender() {
        let text = "Her late husband, Emmanuel Adeyemi, thought so.";
        assert_eq!(of_noun_before(text, 18), Some(Gender::Male));
        assert_eq!(
            of_noun_before("his daughter Ama said", 13),
            Some(Gender::Female)
        );
        assert_eq!(of_noun_before("Ama said", 0), None);
        // Not across a clause: `his wife. Ama`
        assert_eq!(of_noun_before("with his wife. Ama", 15), None);
    }

    #[test]
    fn the_lists_are_sorted_and_apart() {
        for list in [FEMALE, MALE] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list);
        }
        assert!(FEMALE.iter().all(|n| !MALE.contains(n)));
        assert_eq!(of_given_name("Lena"), Some(Gender::Female));
        assert_eq!(of_given_name("Charles"), Some(Gender::Male));
        assert_eq!(of_given_name("Alex"), None);
        assert_eq!(of_honorific("Mrs."), Some(Gender::Female));
        assert_eq!(of_honorific("Dr."), None);
    }
}
