package org.opencrm.accountlifecycle.importer;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the sample population of {@code samples/}: about 2,000 individuals whose last logins fall before, around and
 * after the notice (30 days) and deletion (60 days) dates of the default settings, with households, organisations,
 * schemes with and without a profile and their dossiers. The seed is fixed, so the same arguments always give the same
 * files.
 *
 * <p>Arguments: the output folder (default {@code samples}) and the as-of instant (default
 * {@code 2026-12-01T00:00:00Z}). The command is in {@code samples/README.md}.
 */
public final class SampleGenerator {

    private static final long SEED = 20261201L;
    private static final int INDIVIDUALS = 2000;
    private static final int ORGANISATIONS = 30;
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration HISTORY = DAY.multipliedBy(3 * 365);

    private static final List<String> FIRST_NAMES = List.of(
            "Hélène",
            "Jean-Baptiste",
            "Chloé",
            "Zoé",
            "Amélie",
            "Éloïse",
            "François",
            "Gaëlle",
            "Noémie",
            "Jérôme",
            "Loïc",
            "Anaïs",
            "Maël",
            "Cécile",
            "Sébastien",
            "Thérèse",
            "Benoît",
            "Agnès",
            "Inès",
            "Océane",
            "Marie-Claire",
            "Pierre-Louis",
            "Léa",
            "Théo",
            "Raphaël",
            "Ophélie",
            "Clément",
            "Aurélien",
            "Hervé",
            "Yann",
            "Gwénaëlle",
            "Ségolène",
            "Marc-Antoine",
            "Anne-Sophie",
            "Joël",
            "Maïwenn",
            "Nathalie",
            "Camille",
            "Lucas",
            "Françoise",
            "Émile",
            "Anne-Laure",
            "Jean-Noël",
            "Solène",
            "Mathéo",
            "Bérénice",
            "Aïcha",
            "Karim",
            "Siân");

    private static final List<String> LAST_NAMES = List.of(
            "Martin",
            "Dupont-Lefèvre",
            "O'Connor",
            "Le Guévellec",
            "N'Diaye",
            "Bénard",
            "Hébert",
            "Lemaître",
            "Giraud",
            "Faure",
            "Rousseau",
            "Leroy-Beaulieu",
            "Le Bihan",
            "Kerguélen",
            "de La Fontaine",
            "Poirier",
            "Chevalier",
            "Gauthier",
            "Mercier",
            "Lacroix",
            "Ménard",
            "Guérin",
            "Duchêne",
            "Béranger",
            "L'Hôte",
            "Dubois-Crancé",
            "Caron",
            "Perrin",
            "Le Floc'h",
            "Garnier",
            "Roussel",
            "Petitjean",
            "Moreau",
            "Fournier",
            "Girard",
            "André",
            "Lefèvre",
            "Noël",
            "Bréhier",
            "d'Almeida",
            "Nguyễn",
            "Benhamou",
            "Le Gall",
            "Quéré");

    private static final List<String> ORGANISATION_NAMES = List.of(
            "Association Les Amis du Vieux-Lyon",
            "Comité des fêtes de Saint-Étienne-de-Montluc",
            "Club de l'Âge d'or",
            "Secours populaire, antenne de Brest",
            "Les Restos du cœur de Quimper",
            "Amicale laïque de Plougastel",
            "Société de chasse « La Bécasse »",
            "Union sportive de Châteaulin",
            "Compagnie théâtrale L'Échappée",
            "Jardins partagés du Moulin-Vert");

    private static final List<String> MAIL_DOMAINS = List.of("example.org", "example.com", "example.net");

    private static final String HOUSEHOLD = "HOUSEHOLD";
    private static final String ORGANISATION = "ORGANISATION";

    /** When the person last logged in, counted back from the as-of date; the shares add up to 100. */
    private enum LoginGroup {
        RECENT(35, 0, 20),
        NEAR_NOTICE(10, 25, 30),
        PAST_NOTICE(15, 31, 59),
        PAST_DELETION(25, 60, 400),
        NEVER(15, 0, 0);

        final int share;
        final int fromDays;
        final int toDays;

        LoginGroup(int share, int fromDays, int toDays) {
            this.share = share;
            this.fromDays = fromDays;
            this.toDays = toDays;
        }
    }

    private record Person(
            String id, String firstName, String lastName, String email, Instant createdAt, Instant lastLoginAt) {}

    private record Profile(String id, String type, String name, List<Person> members) {}

    private record Scheme(String id, String name, String profileType) {}

    private static final List<Scheme> SCHEMES = List.of(
            new Scheme("sch-logement", "Aide au logement", HOUSEHOLD),
            new Scheme("sch-cantine", "Restauration scolaire", HOUSEHOLD),
            new Scheme("sch-transport", "Transport scolaire", null),
            new Scheme("sch-musees", "Carte d'accès aux musées", null),
            new Scheme("sch-associations", "Subvention aux associations", ORGANISATION));

    private final Random random = new Random(SEED);
    private final Instant asOf;

    private SampleGenerator(Instant asOf) {
        this.asOf = asOf;
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "samples");
        Instant asOf = Instant.parse(args.length > 1 ? args[1] : "2026-12-01T00:00:00Z");

        new SampleGenerator(asOf).writeTo(folder);
    }

    private void writeTo(Path folder) throws IOException {
        List<Person> people = people();
        List<Profile> households = households(people);
        List<Profile> organisations = organisations(people);
        List<Profile> profiles = new ArrayList<>(households);
        profiles.addAll(organisations);

        Files.createDirectories(folder);
        writeIndividuals(folder, people);
        writeProfiles(folder, profiles);
        writeSchemes(folder);
        writeDossiers(folder, people, profiles);

        System.out.printf(
                "Wrote %d individuals, %d profiles and %d schemes to %s%n",
                people.size(), profiles.size(), SCHEMES.size(), folder);
    }

    private List<Person> people() {
        List<Person> people = new ArrayList<>();
        for (int i = 1; i <= INDIVIDUALS; i++) {
            String firstName = pick(FIRST_NAMES);
            String lastName = pick(LAST_NAMES);
            LoginGroup group = loginGroup();
            Instant lastLogin = group == LoginGroup.NEVER ? null : daysAgo(group.fromDays, group.toDays);
            Instant oldest = asOf.minus(HISTORY);
            Instant createdAt = between(oldest, lastLogin == null ? asOf : lastLogin);
            String email = slug(firstName) + "." + slug(lastName) + "." + i + "@" + pick(MAIL_DOMAINS);
            people.add(new Person("ind-%05d".formatted(i), firstName, lastName, email, createdAt, lastLogin));
        }
        return people;
    }

    /** Just over half of the people live in a household of one to four; some belong to a second one as well. */
    private List<Profile> households(List<Person> people) {
        List<Person> shuffled = new ArrayList<>(people);
        Collections.shuffle(shuffled, random);
        List<Profile> households = new ArrayList<>();
        int next = 0;
        while (next < shuffled.size() * 55 / 100) {
            int size = Math.min(1 + random.nextInt(4), shuffled.size() - next);
            List<Person> members = new ArrayList<>(shuffled.subList(next, next + size));
            String id = "hh-%04d".formatted(households.size() + 1);
            households.add(new Profile(id, HOUSEHOLD, "Foyer " + members.get(0).lastName(), members));
            next += size;
        }
        // separated parents, grown-up children still declared at home: members of two households
        for (int i = 0; i < 40; i++) {
            Person member = shuffled.get(random.nextInt(next));
            Profile other = pick(households);
            if (!other.members().contains(member)) {
                other.members().add(member);
            }
        }
        return households;
    }

    private List<Profile> organisations(List<Person> people) {
        List<Profile> organisations = new ArrayList<>();
        for (int i = 1; i <= ORGANISATIONS; i++) {
            String name = ORGANISATION_NAMES.get((i - 1) % ORGANISATION_NAMES.size());
            String suffix = i > ORGANISATION_NAMES.size() ? " (" + ((i - 1) / ORGANISATION_NAMES.size() + 1) + ")" : "";
            Set<Person> members = new HashSet<>();
            List<Person> ordered = new ArrayList<>();
            int size = 2 + random.nextInt(7);
            while (ordered.size() < size) {
                Person member = pick(people);
                if (members.add(member)) {
                    ordered.add(member);
                }
            }
            organisations.add(new Profile("org-%03d".formatted(i), ORGANISATION, name + suffix, ordered));
        }
        return organisations;
    }

    private void writeIndividuals(Path folder, List<Person> people) throws IOException {
        try (CSVPrinter csv = printer(folder, "individuals.csv")) {
            csv.printRecord("id", "first_name", "last_name", "email", "created_at", "last_login_at");
            for (Person person : people) {
                csv.printRecord(
                        person.id(),
                        person.firstName(),
                        person.lastName(),
                        person.email(),
                        person.createdAt(),
                        person.lastLoginAt() == null ? "" : person.lastLoginAt());
            }
        }
    }

    private void writeProfiles(Path folder, List<Profile> profiles) throws IOException {
        try (CSVPrinter csv = printer(folder, "profiles.csv")) {
            csv.printRecord("id", "type", "name");
            for (Profile profile : profiles) {
                csv.printRecord(profile.id(), profile.type(), profile.name());
            }
        }
        try (CSVPrinter csv = printer(folder, "memberships.csv")) {
            csv.printRecord("profile_id", "individual_id");
            for (Profile profile : profiles) {
                for (Person member : profile.members()) {
                    csv.printRecord(profile.id(), member.id());
                }
            }
        }
    }

    private void writeSchemes(Path folder) throws IOException {
        try (CSVPrinter csv = printer(folder, "schemes.csv")) {
            csv.printRecord("id", "name", "profile_type");
            for (Scheme scheme : SCHEMES) {
                csv.printRecord(scheme.id(), scheme.name(), scheme.profileType() == null ? "" : scheme.profileType());
            }
        }
    }

    /**
     * Four people in ten file nothing; the others file one to three dossiers, mostly for themselves, otherwise for a
     * fellow member of their household or for someone else.
     */
    private void writeDossiers(Path folder, List<Person> people, List<Profile> profiles) throws IOException {
        try (CSVPrinter csv = printer(folder, "dossiers.csv")) {
            csv.printRecord(
                    "id", "scheme_id", "applicant_id", "beneficiary_id", "profile_id", "created_at", "updated_at");
            int next = 1;
            for (Person applicant : people) {
                int count = random.nextInt(10) < 4 ? 0 : 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    List<Profile> own = profilesOf(applicant, profiles);
                    Scheme scheme = schemeFor(own);
                    Profile profile = scheme.profileType() == null ? null : pick(ofType(own, scheme.profileType()));
                    Person beneficiary = beneficiary(applicant, own, people);
                    Instant createdAt = between(applicant.createdAt(), asOf);
                    Instant updatedAt = between(createdAt, asOf);
                    csv.printRecord(
                            "dos-%05d".formatted(next++),
                            scheme.id(),
                            applicant.id(),
                            beneficiary.id(),
                            profile == null ? "" : profile.id(),
                            createdAt,
                            updatedAt);
                }
            }
        }
    }

    /** A scheme the applicant can file for: one that carries a profile only if they belong to one of its type. */
    private Scheme schemeFor(List<Profile> own) {
        List<Scheme> open = SCHEMES.stream()
                .filter(scheme -> scheme.profileType() == null
                        || !ofType(own, scheme.profileType()).isEmpty())
                .toList();
        return pick(open);
    }

    private Person beneficiary(Person applicant, List<Profile> own, List<Person> people) {
        int draw = random.nextInt(10);
        if (draw < 7) {
            return applicant;
        }
        List<Person> household = ofType(own, HOUSEHOLD).stream()
                .flatMap(profile -> profile.members().stream())
                .filter(member -> !member.equals(applicant))
                .toList();
        if (draw < 9 && !household.isEmpty()) {
            return pick(household);
        }
        Person someone;
        do {
            someone = pick(people);
        } while (someone.equals(applicant));
        return someone;
    }

    private static List<Profile> profilesOf(Person person, List<Profile> profiles) {
        return profiles.stream()
                .filter(profile -> profile.members().contains(person))
                .toList();
    }

    private static List<Profile> ofType(List<Profile> profiles, String type) {
        return profiles.stream().filter(profile -> profile.type().equals(type)).toList();
    }

    private LoginGroup loginGroup() {
        int draw = random.nextInt(100);
        for (LoginGroup group : LoginGroup.values()) {
            if (draw < group.share) {
                return group;
            }
            draw -= group.share;
        }
        throw new IllegalStateException("The shares of the login groups do not add up to 100");
    }

    /** A moment between {@code fromDays} and {@code toDays} days before the as-of date, to the second. */
    private Instant daysAgo(int fromDays, int toDays) {
        return between(asOf.minus(DAY.multipliedBy(toDays)), asOf.minus(DAY.multipliedBy(fromDays)));
    }

    private Instant between(Instant from, Instant to) {
        long seconds = Duration.between(from, to).toSeconds();
        return from.plusSeconds(seconds <= 0 ? 0 : random.nextLong(seconds + 1));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The ASCII form of a name for a mail address: accents dropped, apostrophes and blanks gone. */
    private static String slug(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase()
                .replaceAll("[' ]", "")
                .replaceAll("[^a-z0-9-]", "");
    }

    private static CSVPrinter printer(Path folder, String file) throws IOException {
        Writer writer = Files.newBufferedWriter(folder.resolve(file), StandardCharsets.UTF_8);
        // LF rather than RFC 4180's CRLF, so that the files diff cleanly in git
        return CSVFormat.RFC4180.builder().setRecordSeparator('\n').get().print(writer);
    }
}
