#!/usr/bin/env python3
"""mkdemo.py: writes the bundled demo directory source (data/demo.jsonl).

Usage: python3 data/mkdemo.py SHARED_DATA_DIR > data/demo.jsonl
       python3 data/mkdemo.py --earlier data/demo.jsonl > data/demo-earlier.jsonl

SHARED_DATA_DIR holds globe-members.csv (the real GlobE member authorities
that public reports name) and route-facts.csv (sourced facts on how a
foreign officer asks 17 States for cooperation). The output is the
directory source that globe-publish reads: record lines of feed format
v1, no header line, one JSON object per line, UTF-8. It holds

  - every country that has a member, with its UN region;
  - the 15 real member authorities of globe-members.csv, with only what
    the public sources say (no invented website, address, phone, e-mail);
  - fictitious demo authorities (ids "demo-…", notes starting "DEMO —");
  - the competent authorities route-facts.csv names that are not among
    the members (notes starting "Competent authority named by"), with
    only the name, kind and source;
  - about 300 fictitious contact persons (example.org / example.net
    addresses, 555-range telephone numbers) across all authorities, and
    one more for each of those competent authorities;
  - four demo newsletters built from public facts about the network;
  - routes: one for each row of route-facts.csv (its authority, channel,
    formality, languages and their conditions, legal basis, requirements,
    its conditions as requirements_text, its sources), and fictitious
    ones (ids "demo-r-…", notes starting "DEMO —") so that every country
    has a measure and the demo shows what the facts do not: a route for
    urgent requests only, a measure that is not possible, both language
    conditions (Brazil's asset tracing, the README's example).

The script is deterministic: a fixed random seed, sorted output, and no
date taken from the clock, so the committed demo.jsonl can be checked by
running it again. Every record is validated against the feed contract
before anything is written. Standard library only.

With --earlier it writes the demo's earlier serial as a patch of
demo.jsonl (data/demo-earlier.jsonl): the records that serial held as they
were (two contacts whose fields the current serial changes, a demo
authority's phone, the newest newsletter's summary, a contact the current
serial removes) and a delete line for each record the current serial adds
(two contacts). The build (Makefile.am, data/earlier.awk) publishes that
serial first and the current one after it, so the demo's first sync lands
on the earlier serial and `s` in the interface has changes to show. Only
fictitious records are touched.
"""

import csv
import datetime
import json
import os
import random
import re
import sys
import unicodedata

SEED = 20210603			# the day the network was launched
ISO_3166_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"	# Debian iso-codes
TARGET_CONTACTS = 300

REGIONS = ("Africa", "Americas", "Asia", "Europe", "Oceania")
KINDS = ("police", "prosecution", "anti-corruption", "audit", "anti-fraud",
    "legal-service", "financial-crime")
EXPERTISE = ("asset-recovery", "money-laundering", "bribery",
    "procurement-fraud", "mutual-legal-assistance", "extradition",
    "financial-investigation", "cybercrime", "whistleblower-protection")
DESIGNATIONS = ("mla-central", "asset-recovery-focal-point",
    "globe-focal-point", "spoc")
ROLES = ("focal-point", "deputy-focal-point", "case-officer",
    "head-of-unit", "legal-advisor", "analyst")

DEMO_NOTE = ("DEMO — fictitious authority for the globe demo; "
    "not a real GlobE member.")
JOINED_MIN = datetime.date(2021, 6, 3)
JOINED_MAX = datetime.date(2025, 5, 31)
# Verified dates: the demo's "today" is fixed (not the clock) so output is
# stable; about one record in five is older than 365 days before the end
# of the range, so the client's "stale" marker shows on some.
VERIFIED_OLD = (datetime.date(2025, 1, 15), datetime.date(2025, 11, 20))
VERIFIED_NEW = (datetime.date(2025, 12, 1), datetime.date(2026, 10, 30))

# Country names used when iso-codes is not installed (the same names as
# iso_3166-1.json: common_name when it has one, else name).
FALLBACK_NAMES = {
	"AE": "United Arab Emirates", "AR": "Argentina", "AT": "Austria",
	"AU": "Australia", "AZ": "Azerbaijan", "BG": "Bulgaria",
	"BR": "Brazil", "CA": "Canada", "CL": "Chile", "CN": "China",
	"CO": "Colombia", "CZ": "Czechia", "DE": "Germany", "DK": "Denmark",
	"EG": "Egypt", "ES": "Spain", "FJ": "Fiji", "FR": "France",
	"GB": "United Kingdom", "GH": "Ghana", "GR": "Greece",
	"HK": "Hong Kong", "ID": "Indonesia", "IN": "India", "IT": "Italy",
	"JO": "Jordan", "JP": "Japan", "KE": "Kenya", "KR": "South Korea",
	"KZ": "Kazakhstan", "MA": "Morocco", "MX": "Mexico",
	"MY": "Malaysia", "NG": "Nigeria", "NL": "Netherlands",
	"NZ": "New Zealand", "PA": "Panama", "PE": "Peru",
	"PG": "Papua New Guinea", "PL": "Poland", "PT": "Portugal",
	"RO": "Romania", "RS": "Serbia", "SA": "Saudi Arabia",
	"SN": "Senegal", "TH": "Thailand", "TR": "Türkiye",
	"TZ": "Tanzania", "UA": "Ukraine", "US": "United States",
	"VN": "Vietnam", "ZA": "South Africa",
}

# code: (UN region, calling code, IANA time zone, languages (ISO 639-1),
#        name pools of contacts, office hours, demo address pattern)
COUNTRIES = {
	"NG": ("Africa", "234", "Africa/Lagos", ["en"], ["en_ng"],
	    "Mon-Fri 08:00-16:00", "{n} Example Road, Central Business District, Abuja"),
	"KE": ("Africa", "254", "Africa/Nairobi", ["en", "sw"], ["en_ke"],
	    "Mon-Fri 08:00-17:00", "{n} Example Road, Upper Hill, Nairobi"),
	"ZA": ("Africa", "27", "Africa/Johannesburg", ["en", "af", "zu"], ["en_za"],
	    "Mon-Fri 08:00-16:30", "{n} Example Street, Pretoria 0002"),
	"EG": ("Africa", "20", "Africa/Cairo", ["ar", "en"], ["ar"],
	    "Sun-Thu 09:00-15:00", "{n} شارع المثال، القاهرة"),
	"MA": ("Africa", "212", "Africa/Casablanca", ["ar", "fr"], ["ar", "fr"],
	    "Mon-Fri 08:30-16:30", "{n}, rue de l'Exemple, Rabat"),
	"GH": ("Africa", "233", "Africa/Accra", ["en"], ["en_gh"],
	    "Mon-Fri 08:00-17:00", "{n} Example Avenue, Accra"),
	"SN": ("Africa", "221", "Africa/Dakar", ["fr", "wo"], ["fr_sn"],
	    "Mon-Fri 08:00-17:00", "{n}, avenue de l'Exemple, Dakar"),
	"TZ": ("Africa", "255", "Africa/Dar_es_Salaam", ["sw", "en"], ["sw"],
	    "Mon-Fri 07:30-15:30", "{n} Mtaa wa Mfano, Dodoma"),
	"BR": ("Americas", "55", "America/Sao_Paulo", ["pt"], ["pt"],
	    "Mon-Fri 09:00-18:00", None),
	"AR": ("Americas", "54", "America/Argentina/Buenos_Aires", ["es"], ["es"],
	    "Mon-Fri 09:00-17:00", "Calle Ejemplo {n}, C1001 Buenos Aires"),
	"MX": ("Americas", "52", "America/Mexico_City", ["es"], ["es"],
	    "Mon-Fri 09:00-18:00", "Calle Ejemplo {n}, Col. Centro, 06000 Ciudad de México"),
	"CO": ("Americas", "57", "America/Bogota", ["es"], ["es"],
	    "Mon-Fri 08:00-17:00", "Calle Ejemplo # {n}, Bogotá"),
	"PE": ("Americas", "51", "America/Lima", ["es", "qu"], ["es"],
	    "Mon-Fri 08:30-16:30", "Jirón Ejemplo {n}, Lima"),
	"CL": ("Americas", "56", "America/Santiago", ["es"], ["es"],
	    "Mon-Fri 09:00-18:00", "Avenida Ejemplo {n}, Santiago"),
	"US": ("Americas", "1", "America/New_York", ["en", "es"], ["en", "en", "es"],
	    "Mon-Fri 09:00-17:00", "{n} Example Avenue NW, Washington, DC 20001"),
	"CA": ("Americas", "1", "America/Toronto", ["en", "fr"], ["en", "fr"],
	    "Mon-Fri 08:30-16:30", "{n}, rue de l'Exemple, Ottawa (Ontario)"),
	"PA": ("Americas", "507", "America/Panama", ["es"], ["es"],
	    "Mon-Fri 08:00-16:00", "Calle Ejemplo {n}, Ciudad de Panamá"),
	"SA": ("Asia", "966", "Asia/Riyadh", ["ar", "en"], ["ar"],
	    "Sun-Thu 08:00-15:00", None),
	"IN": ("Asia", "91", "Asia/Kolkata", ["hi", "en"], ["en_in"],
	    "Mon-Fri 09:30-18:00", None),
	"AE": ("Asia", "971", "Asia/Dubai", ["ar", "en"], ["ar"],
	    "Mon-Fri 07:30-15:30", None),
	"AZ": ("Asia", "994", "Asia/Baku", ["az", "ru", "en"], ["az"],
	    "Mon-Fri 09:00-18:00", None),
	"HK": ("Asia", "852", "Asia/Hong_Kong", ["zh", "en"], ["zh_hk"],
	    "Mon-Fri 09:00-18:00", None),
	"CN": ("Asia", "86", "Asia/Shanghai", ["zh"], ["zh"],
	    "Mon-Fri 08:30-17:30", "北京市东城区示例路{n}号"),
	"JP": ("Asia", "81", "Asia/Tokyo", ["ja"], ["ja"],
	    "Mon-Fri 09:30-18:15", "東京都千代田区例町{n}丁目"),
	"KR": ("Asia", "82", "Asia/Seoul", ["ko"], ["ko"],
	    "Mon-Fri 09:00-18:00", "서울특별시 종로구 예시로 {n}"),
	"VN": ("Asia", "84", "Asia/Ho_Chi_Minh", ["vi"], ["vi"],
	    "Mon-Fri 08:00-17:00", "Số {n} Đường Ví Dụ, Hà Nội"),
	"TR": ("Asia", "90", "Europe/Istanbul", ["tr"], ["tr"],
	    "Mon-Fri 08:30-17:30", "Örnek Sokak No: {n}, Çankaya, Ankara"),
	"ID": ("Asia", "62", "Asia/Jakarta", ["id"], ["id"],
	    "Mon-Fri 08:00-16:00", "Jalan Contoh No. {n}, Jakarta"),
	"MY": ("Asia", "60", "Asia/Kuala_Lumpur", ["ms", "en"], ["ms"],
	    "Mon-Fri 08:00-17:00", "{n} Jalan Contoh, Putrajaya"),
	"TH": ("Asia", "66", "Asia/Bangkok", ["th"], ["th"],
	    "Mon-Fri 08:30-16:30", "{n} ถนนตัวอย่าง กรุงเทพมหานคร"),
	"KZ": ("Asia", "7", "Asia/Almaty", ["kk", "ru"], ["ru_kz"],
	    "Mon-Fri 09:00-18:30", "ул. Примерная, {n}, Астана"),
	"JO": ("Asia", "962", "Asia/Amman", ["ar", "en"], ["ar"],
	    "Sun-Thu 08:00-15:00", "{n} شارع المثال، عمّان"),
	"ES": ("Europe", "34", "Europe/Madrid", ["es"], ["es"],
	    "Mon-Fri 09:00-17:00", None),
	"RO": ("Europe", "40", "Europe/Bucharest", ["ro"], ["ro"],
	    "Mon-Fri 08:00-16:30", None),
	"PL": ("Europe", "48", "Europe/Warsaw", ["pl"], ["pl"],
	    "Mon-Fri 08:15-16:15", "ul. Przykładowa {n}, 00-001 Warszawa"),
	"DK": ("Europe", "45", "Europe/Copenhagen", ["da"], ["da"],
	    "Mon-Fri 08:30-16:00", "Eksempelvej {n}, 1000 København K"),
	"DE": ("Europe", "49", "Europe/Berlin", ["de"], ["de"],
	    "Mon-Fri 08:00-16:30", "Beispielstraße {n}, 10117 Berlin"),
	"AT": ("Europe", "43", "Europe/Vienna", ["de"], ["de"],
	    "Mon-Fri 08:00-16:00", "Musterstraße {n}, 1010 Wien"),
	"PT": ("Europe", "351", "Europe/Lisbon", ["pt"], ["pt"],
	    "Mon-Fri 09:00-17:30", "Rua do Exemplo {n}, 1000-001 Lisboa"),
	"CZ": ("Europe", "420", "Europe/Prague", ["cs"], ["cs"],
	    "Mon-Fri 07:30-16:00", "Příkladová {n}, 110 00 Praha 1"),
	"GR": ("Europe", "30", "Europe/Athens", ["el"], ["el"],
	    "Mon-Fri 07:30-15:30", "Οδός Παραδείγματος {n}, 105 57 Αθήνα"),
	"FR": ("Europe", "33", "Europe/Paris", ["fr"], ["fr"],
	    "Mon-Fri 09:00-17:30", "{n}, rue de l'Exemple, 75001 Paris"),
	"IT": ("Europe", "39", "Europe/Rome", ["it"], ["it"],
	    "Mon-Fri 08:30-17:00", "Via dell'Esempio {n}, 00100 Roma"),
	"UA": ("Europe", "380", "Europe/Kyiv", ["uk"], ["uk"],
	    "Mon-Fri 09:00-18:00", "вул. Прикладна, {n}, Київ, 01001"),
	"BG": ("Europe", "359", "Europe/Sofia", ["bg"], ["bg"],
	    "Mon-Fri 09:00-17:30", "ул. „Примерна“ {n}, 1000 София"),
	"RS": ("Europe", "381", "Europe/Belgrade", ["sr"], ["sr"],
	    "Mon-Fri 07:30-15:30", "Примерна улица {n}, 11000 Београд"),
	"GB": ("Europe", "44", "Europe/London", ["en"], ["en"],
	    "Mon-Fri 09:00-17:00", "{n} Example Street, London"),
	"NL": ("Europe", "31", "Europe/Amsterdam", ["nl"], ["nl"],
	    "Mon-Fri 08:30-17:00", "Voorbeeldstraat {n}, 2511 Den Haag"),
	"AU": ("Oceania", "61", "Australia/Sydney", ["en"], ["en"],
	    "Mon-Fri 08:30-17:00", "{n} Example Street, Canberra ACT 2600"),
	"NZ": ("Oceania", "64", "Pacific/Auckland", ["en", "mi"], ["en", "mi"],
	    "Mon-Fri 08:30-17:00", "{n} Example Street, Wellington 6011"),
	"FJ": ("Oceania", "679", "Pacific/Fiji", ["en", "fj"], ["fj"],
	    "Mon-Fri 08:00-16:30", "{n} Example Road, Suva"),
	"PG": ("Oceania", "675", "Pacific/Port_Moresby", ["en"], ["en_pg"],
	    "Mon-Fri 07:45-16:15", "{n} Example Road, Port Moresby"),
}

# Fictitious demo authorities: generic descriptive names (not the names of
# real bodies), in the country's language where the script allows.
# (country, slug, name, name_en or None, acronym or None, kind)
DEMO_AUTHORITIES = [
	("NG", "foat", "Federal Office for Asset Tracing", None, "FOAT", "anti-corruption"),
	("NG", "pii", "Directorate of Public Integrity Investigations", None, None, "police"),
	("KE", "ouimu", "Ofisi ya Uchunguzi wa Maadili ya Umma", "Public Integrity Investigations Office", None, "anti-corruption"),
	("ZA", "opsic", "Office for Public Sector Integrity Cases", None, "OPSIC", "prosecution"),
	("EG", "icco", "مكتب التعاون الدولي في قضايا الفساد", "Office for International Cooperation in Corruption Cases", None, "prosecution"),
	("MA", "unra", "Unité nationale de recouvrement des avoirs", "National Asset Recovery Unit", "UNRA", "anti-corruption"),
	("GH", "opip", "Office of Public Integrity Prosecutions", None, "OPIP", "prosecution"),
	("SN", "ceji", "Cellule d'entraide judiciaire internationale", "International Mutual Legal Assistance Cell", None, "prosecution"),
	("TZ", "kum", "Kitengo cha Urejeshaji wa Mali", "Asset Recovery Unit", None, "financial-crime"),
	("AR", "ocicc", "Oficina de Cooperación Internacional en Casos de Corrupción", "Office for International Cooperation in Corruption Cases", None, "prosecution"),
	("MX", "cna", "Comisión Nacional Anticorrupción", "National Anti-Corruption Commission", None, "anti-corruption"),
	("MX", "uera", "Unidad Especializada en Recuperación de Activos", "Specialised Asset Recovery Unit", "UERA", "prosecution"),
	("CO", "dip", "Dirección de Investigación Patrimonial", "Directorate of Asset Investigation", None, "police"),
	("PE", "peip", "Procuraduría Especializada en Integridad Pública", "Specialised Public Integrity Legal Office", None, "legal-service"),
	("CL", "uade", "Unidad de Análisis de Delitos Económicos", "Economic Crime Analysis Unit", "UADE", "financial-crime"),
	("US", "oiic", "Office of International Integrity Cases", None, "OIIC", "prosecution"),
	("US", "fiid", "Financial Integrity Investigations Division", None, "FIID", "police"),
	("CA", "beip", "Bureau des enquêtes sur l'intégrité publique", "Public Integrity Investigations Bureau", None, "police"),
	("PA", "ucji", "Unidad de Cooperación Judicial Internacional", "International Judicial Cooperation Unit", None, "prosecution"),
	("CN", "iacco", "国际反腐败合作办公室", "International Anti-Corruption Cooperation Office", None, "anti-corruption"),
	("JP", "iccco", "国際汚職事件協力室", "International Corruption Case Cooperation Office", None, "prosecution"),
	("KR", "icict", "국제부패수사협력단", "International Corruption Investigation Cooperation Team", None, "police"),
	("VN", "dicac", "Cục Hợp tác Quốc tế về Phòng, chống Tham nhũng", "Department of International Cooperation on Anti-Corruption", None, "anti-corruption"),
	("TR", "kdsd", "Kamu Dürüstlüğü Soruşturma Dairesi", "Public Integrity Investigation Department", None, "police"),
	("TR", "mgkb", "Malvarlığı Geri Kazanım Bürosu", "Asset Recovery Office", None, "prosecution"),
	("ID", "dpa", "Direktorat Pemulihan Aset", "Asset Recovery Directorate", None, "prosecution"),
	("MY", "usia", "Unit Siasatan Integriti Awam", "Public Integrity Investigation Unit", "USIA", "anti-corruption"),
	("TH", "oiacc", "สำนักงานความร่วมมือระหว่างประเทศด้านการต่อต้านการทุจริต", "Office of International Anti-Corruption Cooperation", None, "anti-corruption"),
	("KZ", "sfrk", "Служба финансовых расследований по делам о коррупции", "Financial Investigation Service for Corruption Cases", None, "financial-crime"),
	("JO", "aru", "وحدة استرداد الأصول", "Asset Recovery Unit", None, "prosecution"),
	("PL", "bwmk", "Biuro Współpracy Międzynarodowej ds. Korupcji", "Bureau for International Cooperation on Corruption", "BWMK", "police"),
	("DK", "eokk", "Enheden for Økonomisk Kriminalitet og Korruption", "Unit for Economic Crime and Corruption", None, "prosecution"),
	("DE", "zik", "Zentralstelle für internationale Korruptionsverfahren", "Central Office for International Corruption Proceedings", "ZIK", "prosecution"),
	("DE", "pof", "Prüfstelle für öffentliche Fördermittel", "Audit Office for Public Grants", None, "audit"),
	("AT", "kva", "Koordinierungsstelle für Vermögensabschöpfung", "Asset Recovery Coordination Office", None, "financial-crime"),
	("PT", "gcia", "Gabinete de Cooperação Internacional Anticorrupção", "International Anti-Corruption Cooperation Office", "GCIA", "prosecution"),
	("CZ", "umsk", "Útvar pro mezinárodní spolupráci v korupčních věcech", "Unit for International Cooperation in Corruption Matters", None, "police"),
	("GR", "gdsd", "Γραφείο Διεθνούς Συνεργασίας για την Καταπολέμηση της Διαφθοράς", "Office of International Cooperation against Corruption", None, "anti-corruption"),
	("FR", "bepc", "Bureau de l'entraide pénale en matière de corruption", "Office for Criminal Mutual Assistance in Corruption Matters", None, "prosecution"),
	("FR", "cai", "Cellule d'audit des investissements publics", "Public Investment Audit Cell", None, "audit"),
	("IT", "ucia", "Ufficio per la cooperazione internazionale anticorruzione", "Office for International Anti-Corruption Cooperation", None, "prosecution"),
	("UA", "smsk", "Служба міжнародного співробітництва з питань корупції", "Service for International Cooperation on Corruption", None, "anti-corruption"),
	("BG", "dmskd", "Дирекция за международно сътрудничество по корупционни дела", "Directorate for International Cooperation in Corruption Cases", None, "prosecution"),
	("RS", "omsk", "Одсек за међународну сарадњу у предметима корупције", "Section for International Cooperation in Corruption Cases", None, "police"),
	("GB", "oiic", "Office for International Integrity Cooperation", None, "OIIC", "anti-corruption"),
	("GB", "psfiu", "Public Sector Fraud Investigation Unit", None, "PSFIU", "anti-fraud"),
	("NL", "birc", "Bureau Internationale Rechtshulp Corruptiezaken", "International Legal Assistance Office for Corruption Cases", "BIRC", "prosecution"),
	("AU", "cico", "Commonwealth Integrity Cooperation Office", None, "CICO", "anti-corruption"),
	("NZ", "piiu", "Public Integrity Investigations Unit", None, None, "police"),
	("FJ", "oii", "Office for Integrity Investigations", None, "OII", "anti-corruption"),
	("PG", "pii", "Public Integrity Investigations Directorate", None, None, "police"),
]

# Name pools of fictitious contacts. "Name:g" (g = m or f) for given names;
# family names are "Name" or "Masculine|Feminine". Where the script is not
# Latin, Cyrillic or Greek, each entry carries its romanisation for the
# e-mail address: "native:roman[:g]". order "gf" = given family, "fg" =
# family given; sep joins them.
POOLS = {
	"pt": ("gf", " ",
	    "Ana:f João:m Maria:f Luís:m Conceição:f Sebastião:m Fernanda:f "
	    "Gonçalo:m Inês:f Tomás:m Letícia:f Caio:m",
	    "Souza Gonçalves Magalhães Araújo Falcão Brandão Simões Assunção "
	    "Ribeiro Guimarães Loureiro Conceição"),
	"es": ("gf", " ",
	    "José:m María:f Íñigo:m Begoña:f Nuria:f Joaquín:m Lucía:f "
	    "Andrés:m Ximena:f Ramón:m Almudena:f Sebastián:m",
	    "Muñoz Ibáñez Peña Núñez Castaño Gutiérrez Echeverría Domínguez "
	    "Martín Sáenz Ordóñez Beltrán"),
	"pl": ("gf", " ",
	    "Marta:f Łukasz:m Małgorzata:f Michał:m Agnieszka:f Paweł:m "
	    "Zofia:f Wojciech:m Jolanta:f Grzegorz:m",
	    "Wałęsa Kowalski|Kowalska Kołodziej Wiśniewski|Wiśniewska "
	    "Szczęsny|Szczęsna Dąbrowski|Dąbrowska Głowacki|Głowacka Mazur "
	    "Jabłoński|Jabłońska"),
	"da": ("gf", " ",
	    "Søren:m Mette:f Bjørn:m Kirsten:f Jørgen:m Signe:f Mads:m Åse:f "
	    "Rasmus:m Birgitte:f",
	    "Kjær Højgaard Sørensen Østergaard Mølgaard Bækgaard Nørgaard "
	    "Andersen Dalsgaard Frølund"),
	"de": ("gf", " ",
	    "Jürgen:m Käthe:f Jörg:m Ursula:f Günter:m Bärbel:f Matthias:m "
	    "Anneliese:f Lukas:m Jana:f",
	    "Groß Weiß Strauß Müller Schäfer Böhm Köhler Meißner Krüger Jäger"),
	"cs": ("gf", " ",
	    "Jiří:m Kateřina:f Řehoř:m Markéta:f Tomáš:m Zuzana:f Ondřej:m "
	    "Jitka:f Lukáš:m Věra:f",
	    "Dvořák|Dvořáková Šťastný|Šťastná Černý|Černá Novotný|Novotná "
	    "Kříž|Křížová Růžička|Růžičková Hájek|Hájková "
	    "Procházka|Procházková"),
	"tr": ("gf", " ",
	    "Ayşe:f Işık:f Şule:f Mehmet:m Gökhan:m Çağrı:m Ömer:m Gülşen:f "
	    "İlker:m Hülya:f Barış:m Özlem:f",
	    "Kılıç Yıldız Şahin Çelik Öztürk Aydın Doğan Güneş Karakaş "
	    "Yılmaz"),
	"vi": ("fg", " ",
	    "Thị_Hương:f Văn_Đức:m Thu_Hằng:f Minh_Tuấn:m Ngọc_Ánh:f "
	    "Quốc_Bảo:m Thị_Lan:f Hữu_Phước:m",
	    "Nguyễn Trần Phạm Lê Hoàng Đặng Vũ Bùi"),
	"ro": ("gf", " ",
	    "Ștefan:m Ioana:f Mihai:m Ana-Maria:f Răzvan:m Oana:f Cătălin:m "
	    "Irina:f Bogdan:m Mădălina:f",
	    "Popescu Țurcanu Ionescu Dumitrescu Constantinescu Stănescu "
	    "Mureșan Lăzărescu Vlădescu"),
	"fr": ("gf", " ",
	    "François:m Hélène:f Benoît:m Bénédicte:f Jérôme:m Gaëlle:f "
	    "Loïc:m Françoise:f Anaïs:f Théo:m",
	    "Lefèvre Girard Mercier Bérard Chevalier Rousseau Dupré Lemaître "
	    "Fournier Garnier"),
	"fr_sn": ("gf", " ",
	    "Aminata:f Moussa:m Fatou:f Ousmane:m Awa:f Cheikh:m Mariama:f "
	    "Ibrahima:m",
	    "Diop Ndiaye Sarr Fall Diallo Sow Gueye Ba"),
	"it": ("gf", " ",
	    "Giuseppe:m Francesca:f Niccolò:m Chiara:f Lorenzo:m Giulia:f "
	    "Matteo:m Alessandra:f",
	    "Russo Esposito Bianchi Ferrara De_Luca Colombo Galli Mancini"),
	"nl": ("gf", " ",
	    "Sanne:f Daan:m Fleur:f Bram:m Inge:f Joost:m Eline:f Sjoerd:m",
	    "de_Vries Bakker van_Dijk Visser de_Jong Smit Mulder "
	    "van_den_Berg"),
	"uk": ("gf", " ",
	    "Олена:f Андрій:m Ірина:f Тарас:m Оксана:f Богдан:m Наталія:f "
	    "Дмитро:m",
	    "Коваленко Шевчук Бондаренко Ткаченко Мельник Кравчук Петренко "
	    "Олійник"),
	"bg": ("gf", " ",
	    "Иван:m Мария:f Георги:m Елена:f Димитър:m Цветелина:f Стоян:m "
	    "Десислава:f",
	    "Петров|Петрова Георгиев|Георгиева Димитров|Димитрова "
	    "Стоянов|Стоянова Иванов|Иванова Николов|Николова"),
	"sr": ("gf", " ",
	    "Марко:m Јелена:f Никола:m Милица:f Стефан:m Ана:f Душан:m "
	    "Јована:f",
	    "Јовановић Петровић Николић Ђорђевић Илић Стојановић Марковић "
	    "Павловић"),
	"ru_kz": ("gf", " ",
	    "Дмитрий:m Елена:f Алексей:m Ольга:f Айгерим:f Нурлан:m Асель:f "
	    "Ерлан:m",
	    "Смирнов|Смирнова Ахметов|Ахметова Жумабаев|Жумабаева Ким "
	    "Сулейменов|Сулейменова Иванов|Иванова"),
	"el": ("gf", " ",
	    "Γιώργος:m Μαρία:f Δημήτρης:m Ελένη:f Νίκος:m Κατερίνα:f Κώστας:m "
	    "Σοφία:f",
	    "Παπαδόπουλος|Παπαδοπούλου Κωνσταντίνου Νικολάου Γεωργίου "
	    "Οικονόμου Αντωνίου Μαυρίδης|Μαυρίδου Παππάς|Παππά"),
	"ar": ("gf", " ",
	    "محمد:mohammed:m فاطمة:fatima:f عبدالله:abdullah:m نورة:noura:f "
	    "يوسف:yousef:m مريم:maryam:f خالد:khaled:m سارة:sara:f "
	    "أحمد:ahmed:m ليلى:layla:f عمر:omar:m هدى:huda:f",
	    "العتيبي:alotaibi الزهراني:alzahrani القحطاني:alqahtani "
	    "الشمري:alshammari المنصوري:almansouri الحسيني:alhusseini "
	    "الكعبي:alkaabi البنا:albanna الفاسي:alfassi التميمي:altamimi"),
	"zh": ("fg", "",
	    "秀英:xiuying:f 伟:wei:m 敏:min:f 洋:yang:m 静:jing:f 磊:lei:m "
	    "婷:ting:f 强:qiang:m 丽华:lihua:f 建国:jianguo:m",
	    "王:wang 李:li 张:zhang 刘:liu 陈:chen 杨:yang 赵:zhao 黄:huang"),
	"zh_hk": ("fg", "",
	    "嘉欣:kayan:f 志明:chiming:m 詠詩:wingsze:f 家豪:kaho:m "
	    "美玲:meiling:f 偉文:waiman:m",
	    "陳:chan 李:lee 黃:wong 張:cheung 梁:leung 何:ho"),
	"ja": ("fg", " ",
	    "健:ken:m 美咲:misaki:f 大輔:daisuke:m 陽子:yoko:f 翔太:shota:m "
	    "由美:yumi:f 直樹:naoki:m 彩:aya:f",
	    "佐藤:sato 鈴木:suzuki 高橋:takahashi 田中:tanaka 渡辺:watanabe "
	    "伊藤:ito 山本:yamamoto 中村:nakamura"),
	"ko": ("fg", "",
	    "민준:minjun:m 서연:seoyeon:f 지훈:jihun:m 수아:sua:f 현우:hyeonu:m "
	    "지은:jieun:f 성민:seongmin:m 하은:haeun:f",
	    "김:kim 이:lee 박:park 최:choi 정:jung 강:kang 조:cho 윤:yoon"),
	"th": ("gf", " ",
	    "สมชาย:somchai:m สุดา:suda:f ประเสริฐ:prasert:m วิไล:wilai:f "
	    "อนุชา:anucha:m กาญจนา:kanchana:f",
	    "ใจดี:jaidee ศรีสุข:srisuk วงศ์สวัสดิ์:wongsawat บุญมา:boonma "
	    "แสงทอง:saengthong พรหมมา:promma"),
	"id": ("gf", " ",
	    "Siti:f Budi:m Dewi:f Agus:m Rina:f Eko:m Wulan:f Hendra:m",
	    "Rahmawati Santoso Wijaya Kusuma Pratama Hidayat Saputra Lestari"),
	"ms": ("gf", " ",
	    "Nurul:f Ahmad:m Aisyah:f Faizal:m Azlina:f Hafiz:m",
	    "bin_Ismail|binti_Ismail bin_Rahman|binti_Rahman "
	    "bin_Hassan|binti_Hassan bin_Yusof|binti_Yusof"),
	"az": ("gf", " ",
	    "Elvin:m Günay:f Rəşad:m Aynur:f Orxan:m Səbinə:f Tural:m Nərmin:f",
	    "Əliyev|Əliyeva Məmmədov|Məmmədova Hüseynov|Hüseynova "
	    "Quliyev|Quliyeva Həsənov|Həsənova Cəfərov|Cəfərova"),
	"en": ("gf", " ",
	    "Olivia:f Liam:m Emily:f James:m Grace:f Daniel:m Sarah:f "
	    "Michael:m Chloe:f Patrick:m Hannah:f Connor:m",
	    "Walker Brown O'Connor Thompson MacLeod Harris Clarke Bennett "
	    "Robinson Fitzgerald"),
	"en_in": ("gf", " ",
	    "Priya:f Arjun:m Ananya:f Rohan:m Kavita:f Vikram:m Deepa:f "
	    "Suresh:m",
	    "Sharma Mehta Iyer Reddy Nair Banerjee Gupta Chatterjee"),
	"en_ng": ("gf", " ",
	    "Chinedu:m Ngozi:f Aisha:f Oluwaseun:m Emeka:m Funmilayo:f "
	    "Ibrahim:m Zainab:f",
	    "Okafor Adebayo Bello Adeyemi Eze Okonkwo Abubakar Olatunji"),
	"en_ke": ("gf", " ",
	    "Wanjiru:f Otieno:m Achieng:f Kiprono:m Njeri:f Mwangi:m",
	    "Kamau Ochieng Mutua Kiptoo Njoroge Odhiambo Chebet"),
	"en_gh": ("gf", " ",
	    "Kwame:m Ama:f Kofi:m Akosua:f Yaw:m Efua:f",
	    "Mensah Owusu Boateng Asante Appiah Ofori"),
	"en_za": ("gf", " ",
	    "Thabo:m Naledi:f Pieter:m Zanele:f Sipho:m Anél:f Lerato:f "
	    "Johan:m",
	    "Nkosi Dlamini van_der_Merwe Botha Mokoena Khumalo Naidoo "
	    "du_Plessis"),
	"en_pg": ("gf", " ",
	    "John:m Mary:f Peter:m Ruth:f Samuel:m Esther:f",
	    "Kaupa Wari Tau Bale Mek Kopi"),
	"sw": ("gf", " ",
	    "Neema:f Baraka:m Rehema:f Juma:m Zawadi:f Hamisi:m",
	    "Mushi Mwakyusa Kimaro Massawe Mrema Lyimo"),
	"mi": ("gf", " ",
	    "Aroha:f Tama:m Mere:f Wiremu:m Hine:f Rāwiri:m",
	    "Ngata Parata Tipene Horomona Te_Rangi Kereama"),
	"fj": ("gf", " ",
	    "Losana:f Sakiusa:m Mereoni:f Jone:m Ana:f Viliame:m",
	    "Naivalu Tabua Vakaloloma Rokovunisei Naulivou Delana"),
}

# --- routes ----------------------------------------------------------------

ROUTE_FACTS = "route-facts.csv"
DEMO_ROUTE_NOTE = ("DEMO — fictitious route for the globe demo; not a real "
    "procedure of this State.")
ROUTE_AUTH_NOTE = "Competent authority named by a public source"
MEASURES = ("informal-information", "spontaneous-information",
    "company-records", "bank-records", "asset-tracing", "freezing",
    "confiscation", "asset-return", "witness-statement", "search-seizure",
    "extradition", "joint-investigation", "mla", "asset-recovery")
CHANNELS = ("direct", "globe-scp", "central-authority", "diplomatic",
    "interpol", "egmont", "carin-arin", "star-interpol")
REQUIREMENTS = ("dual-criminality", "treaty", "reciprocity", "signature",
    "apostille", "e-signature", "encryption", "translation",
    "urgency-justification", "form")
LEGAL_BASES = ("uncac-46", "uncac-44", "untoc-18", "bilateral-treaty",
    "regional-instrument", "reciprocity", "domestic-law")
STAGES = ("any", "intelligence", "investigation", "prosecution", "trial",
    "enforcement")

# The authority each fact names: (country, authority_en) -> (id, kind,
# acronym, name, name_en). An id of globe-members.csv is that member;
# any other is made as a record of its own with only the source's name.
# A fact that names no authority (Saudi Arabia's extradition: "not
# identified") gives no route.
FACT_AUTHORITIES = {
	("BR", "Department of Asset Recovery and International Legal Cooperation (DRCI) – Ministry of Justice and Public Security"):
	    ("br-drci", "ministry", "DRCI", None, None),
	("ES", "Ministry of Justice – Sub-Directorate General for International Legal Cooperation"):
	    ("es-mjus-sgcji", "ministry", None, None, None),
	("ES", "Public Prosecutor Service or Investigating Judge"):
	    ("es-fiscal-juez", "prosecution", None, None, None),
	("ES", "Ministry of Justice"): ("es-mjus", "ministry", None, None, None),
	("ES", "Office for Asset Recovery and Management (ORGA)"):
	    ("es-orga", "ministry", "ORGA", None, None),
	("ES", "Special Prosecutor's Office against Corruption and Organized Crime"):
	    ("es-fiscalia-anticorrupcion", None, None, None, None),
	("RO", "Prosecutor's Office attached to the High Court of Cassation and Justice"):
	    ("ro-piccj", "prosecution", None, None, None),
	("RO", "Ministry of Justice"): ("ro-mjus", "ministry", None, None, None),
	("RO", "National Anticorruption Directorate"):
	    ("ro-dna", "prosecution", "DNA", "Direcția Națională Anticorupție",
	    None),
	("RO", "ANABI (Romanian asset recovery and management agency)"):
	    ("ro-anabi", None, "ANABI", "ANABI",
	    "Romanian asset recovery and management agency"),
	("IN", "Ministry of Home Affairs – Internal Security-II (IS-II) Division"):
	    ("in-mha-is2", "ministry", None, None, None),
	("IN", "Ministry of External Affairs – CPV Division"):
	    ("in-mea-cpv", "ministry", None, None, None),
	("IN", "Directorate of Enforcement (ED)"): ("in-ed", None, None, None,
	    None),
	("IN", "Ministry of Home Affairs"): ("in-mha", "ministry", None, None,
	    None),
	("CN", "Ministry of Justice of the People's Republic of China (and other foreign liaison authorities)"):
	    ("cn-moj", "ministry", None, None, None),
	("CN", "Ministry of Foreign Affairs of the People's Republic of China"):
	    ("cn-mfa", "ministry", None, None, None),
	("HK", "Secretary for Justice (Mutual Legal Assistance Unit, International Law Division, Department of Justice)"):
	    ("hk-doj-mlau", "legal-service", "MLAU", None, None),
	("HK", "Secretary for Justice (Mutual Legal Assistance Unit, Department of Justice)"):
	    ("hk-doj-mlau", "legal-service", "MLAU", None, None),
	("HK", "Independent Commission Against Corruption (ICAC)"):
	    ("hk-icac", None, None, None, None),
	("JP", "Minister of Justice (International Affairs Division, Criminal Affairs Bureau, Ministry of Justice)"):
	    ("jp-moj", "ministry", None, None, None),
	("JP", "Minister for Foreign Affairs (receives non-treaty requests)"):
	    ("jp-mofa", "ministry", None, None, None),
	("JP", "Minister for Foreign Affairs, then Minister of Justice"):
	    ("jp-mofa-moj", "ministry", None, None, None),
	("KR", "Minister of Justice"): ("kr-moj", "ministry", None, None, None),
	("KR", "Seoul High Public Prosecutor's Office and Seoul High Court ('Seoul Appellate Court' in the translation; exclusive jurisdiction over extradition cases)"):
	    ("kr-seoul-high", "prosecution", None,
	    "Seoul High Public Prosecutor's Office and Seoul High Court", None),
	("KR", "Supreme Prosecutors' Office"): ("kr-spo", "prosecution", None,
	    None, None),
	("AU", "International Crime Cooperation Central Authority, Attorney-General's Department"):
	    ("au-iccca", "legal-service", "ICCCA", None, None),
	("SA", "Standing Committee for Legal Assistance Requests, Ministry of Interior (General Department of Legal Affairs and International Cooperation)"):
	    ("sa-sclar", "ministry", None,
	    "Standing Committee for Legal Assistance Requests, Ministry of Interior",
	    None),
	("SA", "Standing Committee for Legal Assistance Requests, Ministry of Interior"):
	    ("sa-sclar", "ministry", None, None, None),
	("SA", "Oversight and Anti-Corruption Authority (Nazaha)"):
	    ("sa-nazaha", None, None, None, None),
	("AE", "Central Authority – the competent department of the Ministry of Justice (International Cooperation Department)"):
	    ("ae-moj-icd", "ministry", None, None, None),
	("AE", "Central Authority – Ministry of Justice"):
	    ("ae-moj", "ministry", None, None, None),
	("AZ", "Prosecuting authorities of the Republic of Azerbaijan (Code of Criminal Procedure, ch. LVII)"):
	    ("az-prosecuting", "prosecution", None,
	    "Prosecuting authorities of the Republic of Azerbaijan", None),
	("AZ", "Ministry of Justice and Prosecutor General's Office (communicating authorities under the Azerbaijan–China MLA treaty)"):
	    ("az-moj-pgo", "ministry", None,
	    "Ministry of Justice and Prosecutor General's Office", None),
	("AZ", "Prosecutor General's Office of the Republic of Azerbaijan"):
	    ("az-pgo", "prosecution", None, None, None),
	("AZ", "Financial Monitoring Service (FIU)"):
	    ("az-fms", "fiu", "FMS", "Financial Monitoring Service", None),
	("DE", "Federal Office of Justice (Division III 1)"):
	    ("de-bfj", "ministry", None, None, None),
	("FR", "Office for International Mutual Assistance in Criminal Matters (BEPI), Directorate of Criminal Affairs and Pardons, Ministry of Justice"):
	    ("fr-bepi", "ministry", "BEPI", None, None),
	("TR", "Ministry of Justice (Central Authority)"):
	    ("tr-moj", "ministry", None, None, None),
	("KE", "Office of the Attorney-General (Central Authority)"):
	    ("ke-ag", "legal-service", None, None, None),
	("NG", "Attorney-General of the Federation (Central Authority)"):
	    ("ng-agf", "legal-service", None, None, None),
}

# A fact that serves some stages only (its conditions say so): one route
# per stage. Keyed by the fact's authority id and measure.
FACT_STAGES = {
	("ro-piccj", "mla"): ("investigation", "prosecution"),
	("ro-mjus", "mla"): ("trial", "enforcement"),
	("ro-dna", "mla"): ("investigation",),
}
# A fact that serves requests from some States only.
FACT_FROM = {("az-moj-pgo", "mla"): ["CN"]}

# Names the README's search examples use: the first contact generated in
# the country takes this name.
PINNED = {
	"PL": "Marta Wałęsa",
	"DK": "Søren Kjær",
	"GR": "Γιώργος Παπαδόπουλος",
	"BR": "Ana Souza",
	"CN": "王秀英",
	"ES": "José Núñez",
	"VN": "Nguyễn Văn Đức",
	"KR": "김민준",
}
PINNED_ROMAN = {"王秀英": "wang.xiuying", "김민준": "kim.minjun"}

TITLES = {
	"focal-point": ["GlobE Focal Point", "Focal Point for International Cooperation",
	    "Senior Investigator and GlobE Focal Point"],
	"deputy-focal-point": ["Deputy Focal Point", "Deputy Head of International Cooperation"],
	"case-officer": ["Case Officer", "Senior Case Officer", "Financial Investigator"],
	"head-of-unit": ["Head of International Cooperation Unit",
	    "Head of Asset Recovery Unit", "Director of Investigations"],
	"legal-advisor": ["Legal Adviser", "Senior Legal Counsel",
	    "Mutual Legal Assistance Specialist"],
	"analyst": ["Financial Analyst", "Intelligence Analyst", "Open-Source Analyst"],
}
CASE_TITLES = {
	"police": ["Detective Inspector", "Senior Investigator"],
	"prosecution": ["Prosecutor", "Deputy Prosecutor"],
}
HOURS_VARIANTS = ["Mon-Fri 08:00-16:00", "Mon-Fri 09:00-17:00",
    "Mon-Fri 08:30-17:30", "Mon-Thu 08:00-18:00"]

CYRILLIC = dict(zip(
    "абвгґдеєжзиіїйклмнопрстуфхцчшщъыьэюяёђјљњћџәғқңөұүһ",
    ["a", "b", "v", "h", "g", "d", "e", "ye", "zh", "z", "y", "i", "yi",
     "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh",
     "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "yo", "dj",
     "j", "lj", "nj", "c", "dz", "a", "g", "q", "n", "o", "u", "u", "h"]))
GREEK = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψω",
    ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n",
     "x", "o", "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o"]))
LATIN_EXTRA = {"ł": "l", "ø": "o", "ß": "ss", "ı": "i", "đ": "d",
    "æ": "ae", "ə": "a", "'": ""}


def die(msg):
	print("mkdemo: " + msg, file=sys.stderr)
	sys.exit(1)


def romanize(s, lang):
	"""ASCII for an e-mail local part: lower case, accents dropped."""
	out = []
	s = s.lower()
	if lang == "el":
		s = unicodedata.normalize("NFD", s)
		s = "".join(c for c in s if not unicodedata.combining(c))
		for a, b in (("ου", "ou"), ("αυ", "av"), ("ευ", "ev"),
		    ("μπ", "b"), ("ντ", "d"), ("γκ", "g")):
			s = s.replace(a, b)
	for ch in s:
		if lang in ("uk", "bg", "sr", "ru_kz") and ch in CYRILLIC:
			# Ukrainian и is y, Russian и is i; г is h in Ukrainian only.
			if ch == "и" and lang != "uk":
				out.append("i")
			elif ch == "г" and lang != "uk":
				out.append("g")
			else:
				out.append(CYRILLIC[ch])
			continue
		if ch in LATIN_EXTRA:
			out.append(LATIN_EXTRA[ch])
			continue
		base = unicodedata.normalize("NFKD", ch)
		base = "".join(c for c in base if not unicodedata.combining(c))
		if base in GREEK:
			out.append(GREEK[base])
		elif base.isascii() and (base.isalnum() or base in "-."):
			out.append(base)
		elif base in " _":
			out.append(".")
	r = re.sub(r"\.+", ".", "".join(out)).strip(".")
	if not re.fullmatch(r"[a-z0-9.-]+", r):
		die("cannot romanize %r" % s)
	return r


def parse_pool(key):
	order, sep, given, family = POOLS[key]
	g = []
	for item in given.split():
		parts = item.replace("_", " ").split(":")
		if len(parts) == 2:
			g.append((parts[0], None, parts[1]))
		else:
			g.append((parts[0], parts[1], parts[2]))
	f = []
	for item in family.split():
		parts = item.replace("_", " ").split(":")
		forms = parts[0].split("|")
		roman = parts[1] if len(parts) > 1 else None
		f.append((forms[0], forms[-1], roman))
	return order, sep, g, f


def person_name(rng, key, used):
	"""A fictitious full name and its romanisation, unique in the demo."""
	order, sep, given, family = parse_pool(key)
	for _ in range(200):
		gname, groman, gender = rng.choice(given)
		fm, ff, froman = rng.choice(family)
		fname = ff if gender == "f" else fm
		if order == "gf":
			name = gname + sep + fname
		else:
			name = fname + sep + gname
		if name in used:
			continue
		gr = groman or romanize(gname, key)
		fr = froman or romanize(fname, key)
		return name, gr + "." + fr
	die("name pool %s exhausted" % key)


def rand_date(rng, lo, hi):
	return lo + datetime.timedelta(days=rng.randint(0, (hi - lo).days))


def verified_date(rng):
	span = VERIFIED_OLD if rng.random() < 0.2 else VERIFIED_NEW
	return rand_date(rng, *span).isoformat()


def phone(rng, country, mobile=False):
	"""A fictitious number: 555 ranges (NANP 555-01xx, UK drama range)."""
	cc = COUNTRIES[country][1]
	if cc == "1":
		area = rng.choice({"US": ["202", "212"]}.get(country,
		    ["613", "416"]))
		return "+1 %s 555 01%02d" % (area, rng.randint(0, 99))
	if cc == "44":
		return "+44 20 7946 0%03d" % rng.randint(0, 999)
	first = "5559" if mobile else "555"
	return "+%s %s %03d %04d" % (cc, first, rng.randint(0, 999),
	    rng.randint(0, 9999))


def country_names():
	names = dict(FALLBACK_NAMES)
	if os.path.exists(ISO_3166_JSON):
		with open(ISO_3166_JSON, encoding="utf-8") as f:
			for e in json.load(f)["3166-1"]:
				if e["alpha_2"] in COUNTRIES:
					names[e["alpha_2"]] = e.get("common_name",
					    e["name"])
	return names


def kind_slug(text):
	head = text.split(";")[0].lower()
	for word, slug in (("prosecution", "prosecution"), ("police", "police"),
	    ("anti-fraud", "anti-fraud"), ("financial-crime", "financial-crime"),
	    ("legal service", "legal-service"), ("audit", "audit"),
	    ("anti-corruption", "anti-corruption")):
		if word in head:
			return slug
	die("no kind for %r" % text)


REAL_SLUGS = {
	"Special Prosecutor's Office against Corruption and Organised Crime":
	    "fiscalia-anticorrupcion",
	"National Police": "policia-nacional",
	"Civil Guard": "guardia-civil",
	"UAE Accountability Authority": "accountability",
	"Anti-Corruption Directorate under the Prosecutor General (Prosecutor General's Office)":
	    "anti-corruption-directorate",
}


def real_authorities(datadir):
	path = os.path.join(datadir, "globe-members.csv")
	try:
		f = open(path, encoding="utf-8", newline="")
	except OSError as e:
		die("%s: %s" % (path, e.strerror))
	out = []
	with f:
		for row in csv.DictReader(f):
			cc = row["country_iso2"].strip()
			full = row["authority"].strip()
			if " / " in full:
				name, name_en = [s.strip() for s in full.split(" / ", 1)]
			else:
				name, name_en = full, None
			acronym = row["acronym"].strip() or None
			slug = (acronym.lower() if acronym else
			    REAL_SLUGS[name_en or name])
			urls = [u.strip() for u in row["source_url"].split(";")
			    if u.strip()]
			kindtext = row["kind"].strip()
			notes = ("Real member authority; public source: %s. "
			    "Described as: %s." % ("; ".join(urls), kindtext))
			rec = {"type": "authority", "id": "%s-%s" % (cc.lower(), slug),
			    "country": cc, "name": name}
			if name_en:
				rec["name_en"] = name_en
			if acronym:
				rec["acronym"] = acronym
			rec["kind"] = kind_slug(kindtext)
			rec["source"] = urls[0]
			rec["notes"] = notes
			out.append(rec)
	return out


def demo_authorities(rng):
	out = []
	seen_country = set()
	for cc, slug, name, name_en, acronym, kind in DEMO_AUTHORITIES:
		region, dial, tz, langs, pools, hours, addr = COUNTRIES[cc]
		aid = "demo-%s-%s" % (cc.lower(), slug)
		rec = {"type": "authority", "id": aid, "country": cc, "name": name}
		if name_en:
			rec["name_en"] = name_en
		if acronym:
			rec["acronym"] = acronym
		rec["kind"] = kind
		rec["website"] = "https://%s-%s.example.org/" % (cc.lower(), slug)
		rec["address"] = addr.format(n=rng.randint(2, 180))
		rec["phone"] = phone(rng, cc)
		rec["email"] = "%s@%s" % (aid, rng.choice(["example.org",
		    "example.net"]))
		lang = list(langs)
		if "en" not in lang:
			lang.append("en")
		if rng.random() < 0.3:
			extra = rng.choice(["fr", "es", "ru", "ar", "de", "pt"])
			if extra not in lang:
				lang.append(extra)
		rec["languages"] = lang
		rec["expertise"] = sorted(rng.sample(EXPERTISE, rng.randint(2, 4)),
		    key=EXPERTISE.index)
		des = set()
		if cc not in seen_country:
			des.add("globe-focal-point")
		seen_country.add(cc)
		if kind == "prosecution" and rng.random() < 0.6:
			des.add("mla-central")
		if "asset-recovery" in rec["expertise"] and rng.random() < 0.5:
			des.add("asset-recovery-focal-point")
		if rng.random() < 0.3:
			des.add("spoc")
		if des:
			rec["designations"] = [d for d in DESIGNATIONS if d in des]
		if rng.random() < 0.2:
			rec["joined"] = JOINED_MIN.isoformat()
		else:
			rec["joined"] = rand_date(rng, JOINED_MIN,
			    JOINED_MAX).isoformat()
		rec["verified"] = verified_date(rng)
		rec["notes"] = DEMO_NOTE
		out.append(rec)
	return out


def contacts_for(rng, authorities, each=3, target=TARGET_CONTACTS,
    taken=None, first=1):
	"""About target fictitious people spread over the authorities, each
	at least each; the names and e-mails of taken (earlier contacts) are
	not used again, and only the first call pins PINNED's names."""
	counts = {a["id"]: each for a in authorities}
	ids = [a["id"] for a in authorities]
	for _ in range(target - each * len(ids)):
		counts[rng.choice(ids)] += 1
	used = set(PINNED.values())
	pinned_done = set()
	emails = set()
	for c in taken or []:
		used.add(c["name"])
		emails.add(c["email"])
	if taken:
		pinned_done = set(PINNED)
	out = []
	for a in authorities:
		cc = a["country"]
		region, dial, tz, langs, pools, hours, addr = COUNTRIES[cc]
		domain = "example.net" if rng.random() < 0.3 else "example.org"
		for i in range(counts[a["id"]]):
			pool = rng.choice(pools)
			if cc in PINNED and cc not in pinned_done:
				name = PINNED[cc]
				pinned_done.add(cc)
				roman = PINNED_ROMAN.get(name) or \
				    romanize(name, pools[0])
			else:
				name, roman = person_name(rng, pool, used)
			used.add(name)
			local = roman
			n = 2
			while (local + "@" + domain) in emails:
				local = "%s%d" % (roman, n)
				n += 1
			email = local + "@" + domain
			emails.add(email)
			if i == 0:
				role = "focal-point"
			elif i == 1 and rng.random() < 0.7:
				role = "deputy-focal-point"
			else:
				role = rng.choice(ROLES[2:])
			titles = list(TITLES[role])
			if role == "case-officer":
				titles += CASE_TITLES.get(a["kind"], [])
			rec = {"type": "contact", "id": None, "authority": a["id"],
			    "name": name, "title": rng.choice(titles), "role": role,
			    "email": email}
			if rng.random() < 0.92:
				rec["phone"] = phone(rng, cc)
			if rng.random() < 0.4:
				rec["mobile"] = phone(rng, cc, mobile=True)
			lang = [langs[0]]
			if len(langs) > 1 and rng.random() < 0.5:
				lang.append(langs[1])
			if "en" not in lang and rng.random() < 0.85:
				lang.append("en")
			if rng.random() < 0.25:
				extra = rng.choice(["fr", "es", "ru", "ar", "zh",
				    "de", "pt"])
				if extra not in lang:
					lang.append(extra)
			rec["languages"] = lang
			rec["timezone"] = tz
			rec["hours"] = (hours if rng.random() < 0.75 else
			    rng.choice(HOURS_VARIANTS + [hours]))
			rec["verified"] = verified_date(rng)
			out.append(rec)
	for i, rec in enumerate(out, first):
		rec["id"] = "c-%04d" % i
	return out


def read_facts(datadir):
	path = os.path.join(datadir, ROUTE_FACTS)
	try:
		f = open(path, encoding="utf-8", newline="")
	except OSError as e:
		die("%s: %s" % (path, e.strerror))
	with f:
		return [{k: v.strip() for k, v in row.items()}
		    for row in csv.DictReader(f)]


def fact_urls(fact):
	return [u.strip() for u in fact["source_url"].split(" ; ") if u.strip()]


def fact_authorities(facts, known):
	"""The records of the competent authorities that are no members."""
	out = {}
	for fact in facts:
		if not fact["authority_en"]:
			continue
		key = (fact["country_iso2"], fact["authority_en"])
		if key not in FACT_AUTHORITIES:
			die("no authority for the fact %r" % (key,))
		aid, kind, acronym, name, name_en = FACT_AUTHORITIES[key]
		if aid in known:
			if kind is not None:
				die("%s is a member: no kind of its own" % aid)
			continue
		if aid in out:
			continue
		original = fact["authority_original"]
		if name is None:
			name = original or fact["authority_en"]
		if name_en is None and name != fact["authority_en"]:
			name_en = fact["authority_en"]
		rec = {"type": "authority", "id": aid,
		    "country": fact["country_iso2"], "name": name}
		if name_en:
			rec["name_en"] = name_en
		if acronym:
			rec["acronym"] = acronym
		if kind:
			rec["kind"] = kind
		urls = fact_urls(fact)
		rec["source"] = urls[0]
		rec["notes"] = ("%s (%s), not listed here as a GlobE member; "
		    "see its routes." % (ROUTE_AUTH_NOTE, "; ".join(urls)))
		out[aid] = rec
	return [out[k] for k in sorted(out)]


def split_codes(s):
	return [c.strip() for c in s.split(";") if c.strip()]


def fact_routes(facts):
	"""One route per fact (per stage, where a fact serves some only)."""
	out = []
	seen = set()
	for fact in facts:
		if not fact["authority_en"]:
			continue	# no competent authority identified
		aid = FACT_AUTHORITIES[(fact["country_iso2"],
		    fact["authority_en"])][0]
		cc = fact["country_iso2"]
		measure = fact["measure"]
		urls = fact_urls(fact)
		for stage in FACT_STAGES.get((aid, measure), (None,)):
			slug = aid.split("-", 1)[1]
			rid = "r-%s-%s-%s" % (cc.lower(), measure, slug)
			if stage is not None:
				rid += "-" + stage
			if rid in seen:
				die("two routes %s" % rid)
			seen.add(rid)
			rec = {"type": "route", "id": rid, "country": cc,
			    "measure": measure, "authority": aid}
			if fact["channel"]:
				rec["channel"] = fact["channel"]
			if fact["formality"]:
				rec["formality"] = fact["formality"]
			if stage is not None:
				rec["stage"] = stage
			if (aid, measure) in FACT_FROM:
				rec["from_countries"] = FACT_FROM[(aid, measure)]
			if fact["languages"]:
				rec["languages"] = split_codes(fact["languages"])
			if fact["requirements"]:
				rec["requirements"] = split_codes(
				    fact["requirements"])
			if fact["conditions"]:
				rec["requirements_text"] = fact["conditions"]
			if fact["legal_basis"]:
				rec["legal_basis"] = split_codes(
				    fact["legal_basis"])
			rec["source"] = urls[0]
			rec["notes"] = "%s Sources: %s." % (fact["notes"],
			    "; ".join(urls))
			out.append(rec)
	return out


def demo_route(rid, cc, measure, auth, contact, rng, **extra):
	"""A fictitious route, marked DEMO in its id and notes."""
	region, dial, tz, langs, pools, hours, addr = COUNTRIES[cc]
	rec = {"type": "route", "id": rid, "country": cc, "measure": measure,
	    "authority": auth["id"]}
	if contact is not None:
		rec["contact"] = contact["id"]
	for k in ("channel", "formality", "urgency", "stage", "from_countries",
	    "languages", "requirements", "requirements_text", "legal_basis",
	    "hours", "timezone", "rank", "not_possible", "alternative"):
		if k in extra:
			rec[k] = extra[k]
		elif k == "hours" and "not_possible" not in extra:
			rec[k] = hours
		elif k == "timezone" and "not_possible" not in extra:
			rec[k] = tz
	rec["verified"] = verified_date(rng)
	rec["notes"] = DEMO_ROUTE_NOTE + (" " + extra["notes"] if "notes" in
	    extra else "")
	return rec


def demo_routes(rng, authorities, contacts, facts_routes):
	"""Brazil's asset tracing (the README's example: urgent only, both
	language conditions), a measure that is not possible, and for every
	country without a sourced route an informal exchange through the
	GlobE Secure Communication Platform."""
	by_country = {}
	for a in authorities:
		by_country.setdefault(a["country"], []).append(a)
	first_contact = {}
	for c in contacts:
		first_contact.setdefault(c["authority"], c)
	byid = {a["id"]: a for a in authorities}
	pf = byid["br-pf"]
	mpf = byid["br-mpf"]
	out = [
		demo_route("demo-r-br-asset-tracing-pf", "BR", "asset-tracing", pf,
		    first_contact["br-pf"], rng, channel="direct",
		    formality="informal", urgency="urgent",
		    languages=["pt", "en:urgent-only", "es:reciprocity"],
		    requirements=["urgency-justification"],
		    requirements_text="DEMO — say why it is urgent and what "
		    "assets are at risk of being moved.",
		    legal_basis=["uncac-46"], hours="24/7", rank="1"),
		demo_route("demo-r-br-asset-tracing-mpf", "BR", "asset-tracing",
		    mpf, first_contact["br-mpf"], rng, channel="direct",
		    formality="formal", urgency="normal", languages=["pt"],
		    requirements=["translation", "signature"],
		    legal_basis=["uncac-46", "reciprocity"], rank="2"),
		demo_route("demo-r-br-informal-information-pf", "BR",
		    "informal-information", pf, first_contact["br-pf"], rng,
		    channel="globe-scp", formality="informal",
		    languages=["pt", "en", "es"]),
		demo_route("demo-r-br-joint-investigation", "BR",
		    "joint-investigation", mpf, None, rng,
		    not_possible="DEMO — fictitious example of a measure that "
		    "cannot be had; not a statement about Brazilian law.",
		    alternative="informal-information"),
	]
	sourced = {r["country"] for r in facts_routes}
	for cc in sorted(by_country):
		if cc in sourced:
			continue
		auth = by_country[cc][0]
		contact = first_contact[auth["id"]]
		lang = list(auth.get("languages") or COUNTRIES[cc][3])
		if "en" in lang:
			lang.remove("en")
		lang = lang[:1] + ["en" if rng.random() < 0.5 else
		    "en:urgent-only"]
		out.append(demo_route("demo-r-%s-informal-information" %
		    cc.lower(), cc, "informal-information", auth, contact, rng,
		    channel="globe-scp", formality="informal", languages=lang))
	return out


NEWSLETTERS = [
	{
		"id": "nl-2021-1", "issue": "2021/1", "published": "2021-11-30",
		"lang": "en",
		"title": "Welcome to the GlobE demo directory",
		"summary": "The GlobE Network was launched on 3 June 2021 under "
		    "UNODC. By November 2021, 77 authorities from 46 States "
		    "had joined.",
		"body": [
			"This is a demo directory. It ships with globe so that "
			"you can try the program before you have a feed of your "
			"own. Every contact person in it is fictitious: the "
			"names, the e-mail addresses (all at example.org or "
			"example.net) and the telephone numbers were made up for "
			"the demo and reach no one.",
			"Fifteen authorities in the demo are real GlobE member "
			"authorities named in public reports. Their records hold "
			"only their names, their kind and the address of the "
			"report; see the source and notes fields. The authorities "
			"whose notes begin \"Competent authority named by a "
			"public source\" are real too: the central authorities "
			"and other bodies public sources name for requests, "
			"whether members or not. Every other authority is "
			"fictitious: its id starts with \"demo-\" and its notes "
			"say so.",
			"Routes (w, or \"globe route BR\") say who handles a "
			"request: those whose id starts with \"r-\" come from "
			"public sources, named in their source and notes; those "
			"whose id starts with \"demo-r-\" are fictitious and "
			"their notes say DEMO.",
			"The Global Operational Network of Anti-Corruption Law "
			"Enforcement Authorities, the GlobE Network, was "
			"launched on 3 June 2021 under UNODC. Its 2021 plenary "
			"met in Vienna. By November 2021, 77 authorities from "
			"46 States had joined.",
			"To look around, try \"globe countries\", \"globe "
			"members BR\", \"globe search walesa\" or \"globe read "
			"nl-2025-1\".",
		],
		"url": "https://globe-demo.example.org/newsletters/2021-1",
	},
	{
		"id": "nl-2022-1", "issue": "2022/1", "published": "2022-11-30",
		"lang": "en",
		"title": "Madrid 2022: la Red GlobE crece — the network grows",
		"summary": "The 2022 plenary met in Madrid. By November 2022 the "
		    "network counted 125 authorities from 69 States.",
		"body": [
			"In its second year the network grew from 77 "
			"authorities in 46 States (November 2021) to 125 "
			"authorities in 69 States (November 2022).",
			"The 2022 plenary met in Madrid, after the 2021 plenary "
			"in Vienna.",
			"Demo note: the contact persons listed for the member "
			"authorities in this directory are fictitious.",
		],
	},
	{
		"id": "nl-2024-1", "issue": "2024/1", "published": "2024-09-30",
		"lang": "en",
		"title": "219 authorities from 121 States; plenary in Beijing",
		"summary": "By September 2024 the network counted 219 member "
		    "authorities from 121 States. The 2024 plenary is held in "
		    "Beijing.",
		"body": [
			"By September 2024, 219 authorities from 121 States were "
			"members of the GlobE Network, almost three times the "
			"77 of November 2021.",
			"The 2024 plenary is held in Beijing, following Vienna "
			"(2021) and Madrid (2022).",
			"Demo note: this newsletter is part of the globe demo "
			"directory; the people in the directory are fictitious.",
		],
	},
	{
		"id": "nl-2025-1", "issue": "2025/1", "published": "2025-05-31",
		"lang": "en",
		"title": "234 authorities from 126 States; Baku hosts the 2025 plenary",
		"summary": "By May 2025 the network counted 234 member "
		    "authorities from 126 States. The 2025 plenary is hosted in "
		    "Baku.",
		"body": [
			"By May 2025, 234 authorities from 126 States were "
			"members of the GlobE Network.",
			"How the network grew: 77 authorities from 46 States in "
			"November 2021, 125 from 69 in November 2022, 219 from "
			"121 in September 2024 and 234 from 126 in May 2025.",
			"Plenaries so far: Vienna (2021), Madrid (2022), Beijing "
			"(2024) and Baku (2025).",
			"Demo note: every contact person in this directory is "
			"fictitious; only the fifteen authorities with a source "
			"in their notes are real members.",
		],
		"url": "https://globe-demo.example.org/newsletters/2025-1",
	},
]


def newsletters():
	out = []
	for n in NEWSLETTERS:
		rec = {"type": "newsletter"}
		for k in ("id", "issue", "published", "lang", "title", "summary",
		    "body", "url"):
			if k in n:
				rec[k] = "\n\n".join(n[k]) if k == "body" else n[k]
		out.append(rec)
	return out


# --- validation against feed format v1 -----------------------------------

FIELDS = {
	"country": (["code", "name", "region"], ["code", "name"]),
	"authority": (["id", "country", "name", "name_en", "acronym", "kind",
	    "website", "address", "phone", "email", "languages", "expertise",
	    "designations", "joined", "verified", "source", "notes"],
	    ["id", "country", "name"]),
	"contact": (["id", "authority", "name", "title", "role", "email",
	    "phone", "mobile", "languages", "timezone", "hours", "verified"],
	    ["id", "authority", "name"]),
	"newsletter": (["id", "issue", "published", "lang", "title", "summary",
	    "body", "url"], ["id", "title", "published"]),
	"route": (["id", "country", "measure", "authority", "contact",
	    "channel", "formality", "urgency", "stage", "from_countries",
	    "languages", "requirements", "requirements_text", "legal_basis",
	    "hours", "timezone", "rank", "not_possible", "alternative",
	    "verified", "source", "notes"],
	    ["id", "country", "measure", "authority"]),
}
LISTS = ("languages", "expertise", "designations", "from_countries",
    "requirements", "legal_basis")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def check_date(s, lo=None, hi=None):
	d = datetime.date.fromisoformat(s)
	assert re.fullmatch(r"\d{4}-\d\d-\d\d", s), s
	assert lo is None or d >= lo, s
	assert hi is None or d <= hi, s


def validate(records):
	try:
		import zoneinfo
		zones = zoneinfo.available_timezones()
	except ImportError:
		zones = set()
	keys = {t: set() for t in FIELDS}
	for r in records:
		t = r["type"]
		fields, required = FIELDS[t]
		assert list(r)[0] == "type", r
		for k in list(r)[1:]:
			assert k in fields, (t, k)
		assert [k for k in r if k != "type"] == \
		    [k for k in fields if k in r], ("field order", r)
		for k in required:
			assert isinstance(r.get(k), str) and r[k], (t, k, r)
		for k, v in r.items():
			if k in LISTS:
				assert isinstance(v, list) and 0 < len(v) <= 256, (k, v)
				assert len(set(v)) == len(v), (k, v)
				for item in v:
					assert isinstance(item, str) and item, (k, v)
					assert not CONTROL.search(item), (k, v)
			else:
				assert isinstance(v, str) and v, (k, v)
				assert len(v.encode()) <= 256 * 1024, k
				if k == "body":
					assert not CONTROL.search(v.replace("\n", "")), k
				else:
					assert not CONTROL.search(v), (k, v)
			if k == "email":
				assert re.fullmatch(r"[a-z0-9.-]+@example\.(org|net)",
				    v), v
			if k in ("phone", "mobile"):
				assert re.fullmatch(r"\+\d{1,3}( \d{2,4})+", v), v
			if k in ("website", "url"):
				assert re.fullmatch(
				    r"https://([a-z0-9-]+\.)*example\.org/[a-z0-9/-]*",
				    v), v
			if k == "languages" and t == "route":
				for lang in v:
					assert re.fullmatch(
					    r"[a-z]{2}(:(urgent-only|reciprocity))?",
					    lang), v
			elif k == "languages":
				for lang in v:
					assert re.fullmatch(r"[a-z]{2}", lang), v
			if k == "lang":
				assert re.fullmatch(r"[a-z]{2}", v), v
		key = r["code"] if t == "country" else r["id"]
		assert key not in keys[t], ("duplicate", t, key)
		keys[t].add(key)
		if t == "country":
			assert re.fullmatch(r"[A-Z]{2}", key), key
			assert r["region"] in REGIONS, r
		elif t == "authority" and r.get("notes", "").startswith(
		    ROUTE_AUTH_NOTE):
			# a competent authority of the route facts: the source's name
			assert re.fullmatch(r"[a-z]{2}-[a-z0-9-]+", key), key
			assert r.get("kind") in KINDS + ("ministry", "fiu", None), r
			assert r["source"].startswith("http"), r
			for k in ("website", "address", "phone", "email",
			    "joined", "verified", "expertise", "designations",
			    "languages"):
				assert k not in r, (k, r)
		elif t == "authority":
			assert re.fullmatch(r"[a-z0-9-]+", key), key
			assert r.get("kind") in KINDS, r
			for e in r.get("expertise", []):
				assert e in EXPERTISE, e
			for d in r.get("designations", []):
				assert d in DESIGNATIONS, d
			if "joined" in r:
				check_date(r["joined"], JOINED_MIN, JOINED_MAX)
			if "verified" in r:
				check_date(r["verified"], VERIFIED_OLD[0],
				    VERIFIED_NEW[1])
			if key.startswith("demo-"):
				assert r["notes"].startswith(DEMO_NOTE), r
				assert "source" not in r, r
			else:
				assert r["notes"].startswith(
				    "Real member authority; public source: "), r
				for k in ("website", "address", "phone", "email",
				    "joined", "verified"):
					assert k not in r, (k, r)
		elif t == "contact":
			assert re.fullmatch(r"c-\d{4}", key), key
			assert r.get("role") in ROLES, r
			assert re.fullmatch(r"(Mon|Sun)-(Thu|Fri) \d\d:\d\d-\d\d:\d\d",
			    r["hours"]), r
			assert not zones or r["timezone"] in zones, r
			check_date(r["verified"], VERIFIED_OLD[0], VERIFIED_NEW[1])
		elif t == "newsletter":
			assert key.startswith("nl-"), key
			check_date(r["published"])
		elif t == "route":
			assert re.fullmatch(r"(demo-)?r-[a-z]{2}-[a-z0-9-]+", key), key
			assert r["measure"] in MEASURES, r
			assert r.get("channel", "direct") in CHANNELS, r
			assert r.get("formality", "formal") in ("formal",
			    "informal"), r
			assert r.get("urgency", "any") in ("any", "urgent",
			    "normal"), r
			assert r.get("stage", "any") in STAGES, r
			for c in r.get("requirements", []):
				assert c in REQUIREMENTS, r
			for c in r.get("legal_basis", []):
				assert c in LEGAL_BASES, r
			for c in r.get("from_countries", []):
				assert re.fullmatch(r"[A-Z]{2}", c), r
			assert ("alternative" not in r or "not_possible" in r) and \
			    r.get("alternative", "mla") in MEASURES, r
			assert "rank" not in r or re.fullmatch(r"\d+(\.\d+)?",
			    r["rank"]), r
			assert not zones or r.get("timezone", "UTC") in zones, r
			if key.startswith("demo-"):
				assert r["notes"].startswith(DEMO_ROUTE_NOTE), r
				assert "source" not in r, r
				check_date(r["verified"], VERIFIED_OLD[0],
				    VERIFIED_NEW[1])
			else:
				assert r["source"].startswith("http"), r
				assert "contact" not in r and "verified" not in r, r
	# references resolve once everything is applied
	contact_auth = {r["id"]: r["authority"] for r in records
	    if r["type"] == "contact"}
	for r in records:
		if r["type"] == "authority":
			assert r["country"] in keys["country"], r
		elif r["type"] == "contact":
			assert r["authority"] in keys["authority"], r
		elif r["type"] == "route":
			assert r["country"] in keys["country"], r
			assert r["authority"] in keys["authority"], r
			assert "contact" not in r or \
			    contact_auth[r["contact"]] == r["authority"], r
	used = {r["country"] for r in records if r["type"] == "authority"}
	assert used == keys["country"], "a country without members"
	regions = {r["region"] for r in records if r["type"] == "country"}
	assert regions == set(REGIONS), regions
	assert len(keys["country"]) >= 40
	real = [r for r in records if r["type"] == "authority" and
	    r["notes"].startswith("Real member authority")]
	assert len(real) == 15
	# every country has a measure; the demo shows what the facts do not
	routes = [r for r in records if r["type"] == "route"]
	assert {r["country"] for r in routes} == keys["country"], \
	    "a country without routes"
	assert any("not_possible" in r for r in routes)
	assert any("from_countries" in r for r in routes)
	langs = [l for r in routes for l in r.get("languages", [])]
	assert any(l.endswith(":urgent-only") for l in langs)
	assert any(l.endswith(":reciprocity") for l in langs)
	with_people = {r["authority"] for r in records if r["type"] == "contact"}
	assert with_people == keys["authority"], "an authority without contacts"
	assert len(keys["newsletter"]) == 4
	names = [r["name"] for r in records if r["type"] == "contact"]
	assert len(names) == len(set(names)), "duplicate contact names"
	for n in PINNED.values():
		assert n in names, n


def earlier(path):
	"""The patch that turns demo.jsonl into the demo's earlier serial."""
	with open(path, encoding="utf-8") as f:
		records = [json.loads(line) for line in f if line.strip()]
	contacts = sorted((r for r in records if r["type"] == "contact"),
	    key=lambda r: r["id"])
	demo_auths = sorted((r for r in records if r["type"] == "authority" and
	    r["id"].startswith("demo-")), key=lambda r: r["id"])
	news = sorted((r for r in records if r["type"] == "newsletter"),
	    key=lambda r: (r["published"], r["id"]))
	out = []
	# Changed by the current serial: as they were before.
	c = dict(contacts[1])
	c["title"] = "Head of International Cooperation"
	c["phone"] = "+971 555 883 2500"
	out.append(c)
	c = dict(contacts[2])
	c["email"] = "f.almansouri@example.org"
	c["verified"] = "2025-01-20"
	out.append(c)
	a = dict(demo_auths[0])
	a["phone"] = (a.get("phone") or "+1 555 000 0000")[:-2] + "00"
	out.append(a)
	# Removed by the current serial: a contact only the earlier one had.
	gone = {"type": "contact", "id": "c-9001",
	    "authority": contacts[0]["authority"],
	    "name": "Demo Officer (retired)", "title": "Former Focal Point",
	    "role": "focal-point", "email": "retired.officer@example.org",
	    "languages": ["en"], "timezone": contacts[0]["timezone"],
	    "hours": contacts[0]["hours"], "verified": "2025-02-01"}
	out.append(gone)
	# Added by the current serial: not in the earlier one.
	for r in contacts[-2:]:
		out.append({"type": "delete", "of": "contact", "id": r["id"]})
	# The newest newsletter, its summary as first published.
	n = dict(news[-1])
	n["summary"] = n["summary"].split(".")[0] + "."
	if n["summary"] == news[-1]["summary"]:
		n["summary"] += " (draft)"
	out.append(n)
	# The earlier directory whole must be as valid as the current one.
	def key(r):
		return (r["type"], r.get("id", r.get("code")))
	patch = {key(r): r for r in out if r["type"] != "delete"}
	drop = {(r["of"], r["id"]) for r in out if r["type"] == "delete"}
	whole = [patch.pop(key(r), r) for r in records if key(r) not in drop]
	validate(whole + list(patch.values()))
	sys.stdout.buffer.write("".join(json.dumps(r, ensure_ascii=False,
	    separators=(",", ":")) + "\n" for r in out).encode("utf-8"))


def main():
	if len(sys.argv) == 3 and sys.argv[1] == "--earlier":
		earlier(sys.argv[2])
		return
	if len(sys.argv) != 2:
		print("usage: python3 mkdemo.py SHARED_DATA_DIR > demo.jsonl\n"
		    "       python3 mkdemo.py --earlier demo.jsonl > "
		    "demo-earlier.jsonl", file=sys.stderr)
		sys.exit(2)
	rng = random.Random(SEED)
	names = country_names()
	real = real_authorities(sys.argv[1])
	for a in real:
		if a["country"] not in COUNTRIES:
			die("%s: country %s is not in the table" % (a["id"],
			    a["country"]))
	demo = demo_authorities(rng)
	authorities = sorted(real + demo, key=lambda a: a["id"])
	members = {a["country"] for a in authorities}
	countries = [{"type": "country", "code": cc, "name": names[cc],
	    "region": COUNTRIES[cc][0]} for cc in sorted(members)]
	contacts = contacts_for(rng, authorities)
	# Routes after everything else, with a random stream of their own:
	# the records above are the same with or without them.
	rrng = random.Random(SEED + 1)
	facts = read_facts(sys.argv[1])
	competent = fact_authorities(facts, {a["id"] for a in authorities})
	for a in competent:
		if a["country"] not in members:
			die("%s: its country has no member" % a["id"])
	contacts += contacts_for(rrng, competent, each=1,
	    target=len(competent), taken=contacts, first=len(contacts) + 1)
	sourced = fact_routes(facts)
	routes = sourced + demo_routes(rrng, authorities, contacts, sourced)
	authorities = sorted(authorities + competent, key=lambda a: a["id"])
	routes.sort(key=lambda r: r["id"])
	records = countries + authorities + contacts + newsletters() + routes
	validate(records)
	out = []
	for r in records:
		line = json.dumps(r, ensure_ascii=False, separators=(",", ":"))
		assert len(line.encode()) <= 1024 * 1024
		out.append(line + "\n")
	sys.stdout.buffer.write("".join(out).encode("utf-8"))


if __name__ == "__main__":
	main()
