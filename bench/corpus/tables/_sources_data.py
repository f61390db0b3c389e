# ruff: noqa: E501, E731  (data copied as published: long lines are the sources' own)
"""One-off writer of sources/*.json (kept for provenance: the figures below were copied from the
search excerpts of the pages named in each entry). Run: python _sources_data.py"""
import json
from pathlib import Path

S = []


def R(label, vals, indent=0, total=False, kind=None):
    d = {"label": label, "values": vals.split("|") if isinstance(vals, str) else vals}
    if indent:
        d["indent"] = indent
    if total:
        d["total"] = True
    if kind:
        d["kind"] = kind
    return d


def sp(vals):
    return vals.split()


def add(**kw):
    kw.setdefault("time_axis", True)
    kw.setdefault("text", None)
    kw.setdefault("note", None)
    S.append(kw)


# ---------------------------------------------------------------- lasten/baten per programma
BLS = ["Lasten", "Baten", "Saldo"]


def lbs_header(first, years):
    top = [{"text": first, "rowspan": 2}] + [{"text": y, "span": 3} for y in years]
    return [top, [""] + BLS * len(years)]


def year_of(s):
    import re
    m = re.findall(r"(?:19|20)\d\d", s)
    return int(m[-1]) if m else None


def lbs_cols(years):
    per, dim = [None], [None]
    for y in years:
        for b in BLS:
            per.append(year_of(y))
            dim.append(f"{y} - {b}")
    return per, dim


yrs = ["Rekening 2016", "Begroting 2017", "Begroting 2018", "Begroting 2019", "Begroting 2020", "Begroting 2021"]
per, dim = lbs_cols(yrs)
add(id="baarle-nassau-2018-overzicht-baten-lasten", body="Baarle-Nassau", body_kind="gemeente", kind="begroting",
    table_kind="lasten_baten", url="https://baarle-nassau.begroting-2018.nl/p4814/overzicht-van-baten-en-lasten",
    page_title="Overzicht van baten en lasten (Begroting 2018)",
    title="Overzicht van baten en lasten", unit=None, header=lbs_header("Programma", yrs), col_periods=per, col_dims=dim,
    text="In de programmabegroting hebben wij per programma een inhoudelijke, beleidsmatige toelichting en een analyse van de baten en lasten ten opzichte van de begroting van voorgaand jaar opgenomen.",
    rows=[R("Programma 0", sp("880 311 569 880 104 776 919 104 814 919 104 815 915 104 811 916 104 812")),
          R("Programma 1", sp("604 61 543 752 99 653 786 66 719 802 66 735 807 67 740 825 67 758")),
          R("Programma 2", sp("728 44 684 931 21 910 858 21 837 866 21 844 935 21 914 959 21 937")),
          R("Programma 3", sp("19 20 -1 49 21 28 52 22 30 52 22 30 52 23 29 52 23 28")),
          R("Programma 4", sp("799 82 717 592 96 495 605 96 508 608 96 512 597 96 501 601 96 504")),
          R("Programma 5", sp("1.059 80 979 1.795 124 1.670 1.615 137 1.477 1.487 146 1.341 1.487 146 1.341 1.487 146 1.340")),
          R("Programma 6", sp("4.854 1.679 3.175 5.221 1.152 4.069 5.284 1.152 4.132 5.282 1.152 4.129 5.324 1.152 4.172 5.333 1.152 4.181")),
          R("Programma 7", sp("1.216 1.262 -46 1.613 1.413 200 1.628 1.371 256 1.660 1.411 250 1.655 1.399 256 1.655 1.401 254")),
          R("Programma 8", sp("338 719 -381 1.464 839 625 2.060 982 1.078 1.246 895 351 1.408 1.111 297 1.091 803 288")),
          R("Subtotaal programma's", sp("10.497 4.258 6.239 13.297 3.871 9.426 13.806 3.953 9.853 12.922 3.915 9.007 13.180 4.120 9.060 12.918 3.815 9.103"), total=True)],
    note="Rows after 'Subtotaal programma's' are cut off in the stored excerpt and left out. The excerpt shows no unit line.")

add(id="alphen-chaam-2018-overzicht-baten-lasten", body="Alphen-Chaam", body_kind="gemeente", kind="begroting",
    table_kind="lasten_baten", url="https://alphen-chaam.begroting-2018.nl/p4260/overzicht-van-baten-en-lasten",
    page_title="Overzicht van baten en lasten (Begroting 2018)",
    title="Overzicht van baten en lasten", unit=None, header=lbs_header("Programma", yrs), col_periods=per, col_dims=dim,
    rows=[R("Programma 0", sp("771 288 482 1.091 427 664 1.118 230 888 1.118 230 888 1.118 230 889 1.095 230 865")),
          R("Programma 1", sp("824 10 814 1.114 13 1.101 1.083 13 1.070 1.098 13 1.084 1.113 13 1.100 1.128 13 1.114")),
          R("Programma 2", sp("764 51 713 2.329 14 2.315 1.197 14 1.183 1.203 14 1.189 1.212 14 1.198 1.275 14 1.261")),
          R("Programma 3", sp("39 2 37 56 3 54 57 3 54 47 3 44 47 3 45 47 3 45")),
          R("Programma 4", sp("710 48 662 653 64 589 683 64 619 709 64 645 862 64 798 860 64 796")),
          R("Programma 5", sp("1.416 150 1.266 1.843 141 1.702 1.868 160 1.709 1.875 171 1.704 1.915 171 1.744 1.900 171 1.729")),
          R("Programma 6", sp("5.966 1.525 4.441 6.062 1.107 4.955 6.147 1.202 4.946 6.000 1.202 4.798 5.947 1.202 4.745 5.946 1.202 4.744")),
          R("Programma 7", sp("2.256 2.536 -280 2.299 2.475 -176 2.213 2.445 -232 2.257 2.489 -232 2.296 2.533 -237 2.284 2.533 -250")),
          R("Programma 8", sp("1.900 3.505 -1.605 1.745 1.915 -170 1.274 2.368 -1.094 1.093 1.161 -68 1.314 1.689 -374 1.521 1.324 198")),
          R("Subtotaal programma's", sp("14.645 8.117 6.529 17.193 6.159 11.033 15.641 6.498 9.142 15.399 5.346 10.053 15.826 5.918 9.908 16.056 5.553 10.503"), total=True)],
    note="Rows after 'Subtotaal programma's' are cut off in the stored excerpt and left out.")

yrs19 = ["Rekening 2017", "Begroting 2018", "Begroting 2019", "Begroting 2020", "Begroting 2021", "Begroting 2022"]
per19, dim19 = lbs_cols(yrs19)
add(id="baarle-nassau-2019-overzicht-baten-lasten", body="Baarle-Nassau", body_kind="gemeente", kind="begroting",
    table_kind="lasten_baten", url="http://baarlenassau.begroting-2019.nl/p6632/overzicht-van-baten-en-lasten",
    page_title="Begroting 2019 - Overzicht van baten en lasten",
    title="Overzicht van baten en lasten", unit=None, header=lbs_header("Programma", yrs19), col_periods=per19, col_dims=dim19,
    rows=[R("Programma 0", sp("988 140 848 1.076 117 959 1.086 86 1.001 1.034 69 966 1.014 76 937 992 49 943")),
          R("Programma 1", sp("759 128 631 748 78 670 832 66 766 843 67 776 868 67 801 883 67 816")),
          R("Programma 2", sp("890 46 844 925 21 903 905 21 883 946 21 925 1.014 21 993 1.151 21 1.130")),
          R("Programma 3", sp("66 19 46 87 22 65 91 22 68 92 23 69 93 23 69 94 23 70")),
          R("Programma 4", sp("580 104 476 659 88 570 629 88 541 618 88 530 623 88 534 624 88 536")),
          R("Programma 5", sp("1.605 82 1.523 1.841 109 1.732 1.612 120 1.492 1.641 123 1.518 1.641 125 1.517 1.649 127 1.522")),
          R("Programma 6", sp("5.710 1.791 3.919 5.275 1.092 4.182 5.194 1.062 4.132 5.317 1.062 4.255 5.387 1.062 4.324 5.402 1.062 4.340")),
          R("Programma 7", sp("1.661 1.281 379 1.644 1.371 273 1.680 1.359 321 1.729 1.373 356 1.780 1.398 383 1.811 1.396 415")),
          R("Programma 8", sp("1.609 1.037 573 1.598 985 614 1.581 1.094 487 1.161 745 415 1.030 616 414 991 607 384")),
          R("Alg. dekkingsmiddelen", sp("200 10.666 -10.466 132 11.320 -11.188 172 11.752 -11.580 408 12.246 -11.838 481 12.646 -12.165 402 12.985 -12.584"))],
    note="Rows after 'Alg. dekkingsmiddelen' are cut off in the stored excerpt and left out.")

add(id="alphen-chaam-2019-overzicht-baten-lasten", body="Alphen-Chaam", body_kind="gemeente", kind="begroting",
    table_kind="lasten_baten", url="http://alphenchaam.begroting-2019.nl/p6228/overzicht-van-baten-en-lasten",
    page_title="Begroting 2019 - Overzicht van baten en lasten",
    title="Overzicht van baten en lasten", unit=None, header=lbs_header("Programma", yrs19), col_periods=per19, col_dims=dim19,
    rows=[R("Programma 0", sp("1.104 340 764 1.217 227 991 1.361 207 1.155 1.269 196 1.073 1.238 193 1.046 1.290 174 1.117")),
          R("Programma 1", sp("967 10 957 963 13 950 1.061 13 1.047 1.100 13 1.087 1.143 13 1.130 1.168 13 1.155")),
          R("Programma 2", sp("2.204 1.125 1.079 1.236 14 1.223 1.256 14 1.242 1.268 14 1.254 1.349 14 1.335 1.358 14 1.344")),
          R("Programma 3", sp("68 5 62 102 3 100 91 3 89 92 3 90 93 3 91 95 3 92")),
          R("Programma 4", sp("706 52 654 748 64 684 720 64 656 723 64 659 720 64 656 860 64 796")),
          R("Programma 5", sp("1.843 143 1.701 1.884 160 1.725 1.935 171 1.764 1.957 171 1.786 1.946 171 1.775 1.966 171 1.795")),
          R("Programma 6", sp("7.359 1.539 5.820 7.151 1.202 5.949 6.833 1.438 5.395 6.699 1.438 5.261 6.693 1.438 5.255 6.689 1.438 5.251")),
          R("Programma 7", sp("2.646 2.506 141 2.303 2.480 -177 2.624 2.504 120 2.675 2.535 139 2.701 2.535 165 2.734 2.535 199")),
          R("Programma 8", sp("4.377 4.676 -298 1.429 2.361 -932 1.957 2.270 -313 1.426 1.441 -15 1.295 1.195 100 1.265 1.203 62"))],
    note="The row 'Alg. dekkingsmiddelen' is cut off in the stored excerpt and left out.")

# ---------------------------------------------------------------- reserves
g_hdr = [["(bedragen x € 1.000)", "2025", "2026", "2027", "2028"]]
g_per = [None, 2025, 2026, 2027, 2028]
add(id="gouda-2025-reserve-goudse-poort", body="Gouda", body_kind="gemeente", kind="begroting", table_kind="reserves",
    url="https://begroting2025.financien.gouda.nl/financiële-begroting-2025-2028/ontwikkeling-en-toelichting-reserves-2025-2028",
    page_title="Ontwikkeling en toelichting reserves 2025 - 2028",
    title="Programma 1 Reserve afschrijvingslasten revitalisering Goudse Poort", unit="x € 1.000", header=g_hdr, col_periods=g_per,
    text="Wat is het doel (wat willen we bereiken): dekking van de afschrijvingslasten voor gedane investeringen voor infrastructuur in de Goudse Poort.",
    rows=[R("Stand per 1 januari", sp("463 412 362 311")), R("Vermeerderingen", sp("0 0 0 0")),
          R("Verminderingen", sp("51 51 51 51")), R("Stand per 31 december", sp("412 362 311 260"), total=True)])
add(id="gouda-2025-reserve-martenssingel", body="Gouda", body_kind="gemeente", kind="begroting", table_kind="reserves",
    url="https://begroting2025.financien.gouda.nl/financiële-begroting-2025-2028/ontwikkeling-en-toelichting-reserves-2025-2028",
    page_title="Ontwikkeling en toelichting reserves 2025 - 2028",
    title="Programma 1 Reserve afschrijvingslasten burgemeester martenssingel 15", unit="x € 1.000", header=g_hdr, col_periods=g_per,
    text="Wat is het doel (wat willen we bereiken): dekking van de afschrijvingslasten voor de verbouwing van de Burgemeester Martenssingel 15, ten behoeve van de ISK (internationale schakel klas).",
    rows=[R("Stand per 1 januari", sp("4.700 4.465 4.230 3.995")), R("Vermeerderingen", sp("0 0 0 0")),
          R("Verminderingen", sp("235 235 235 235")), R("Stand per 31 december", sp("4.465 4.230 3.995 3.760"), total=True)])
add(id="rheden-2018-reserves-voorzieningen", body="Rheden", body_kind="gemeente", kind="begroting", table_kind="reserves",
    url="https://rheden.begroting-2018.nl/p11238/reserves-en-voorzieningen", page_title="Reserves en voorzieningen",
    title="Reserves en voorzieningen 2018", unit="x € 1.000", time_axis=False,
    header=[["(Bedragen x € 1.000)", "Stand", "Dotaties", "Onttrekkingen", "Stand"], ["", "1-jan", "", "", "31-dec"]],
    col_periods=None,
    text="In de onderstaande tabel hebben we de totalen van de algemene reserve, de bestemmingsreserves en de voorzieningen opgenomen.",
    rows=[R("Algemene reserve", sp("28.970 245 -3.050 26.165")), R("Bestemmingsresrves", sp("15.651 3.444 -4.372 14.723")),
          R("Voorzieningen", sp("2.808 191 -322 2.677")), R("Totaal mutaties", sp("47.429 3.880 -7.744 43.565"), total=True)],
    note="The page's header cells run together ('Mutaties geldleningen', 'Stand', 'Dotaties', 'Onttrek-kingen', 'Stand', '2018', '1-jan', '31-dec'); they are arranged here in two rows, 'Onttrek-kingen' is given without the line-break hyphen, the stray 'Mutaties geldleningen' is left out and the year 2018 moved into the title. 'Bestemmingsresrves' is spelt as published.")
z_hdr = ["Bedragen x € 1.000", "saldo begin 2018", "vermeer-deringen 2018", "vermin-deringen 2018", "saldo begin 2019",
         "vermeer-deringen 2019", "vermin-deringen 2019", "saldo begin 2020", "vermeer-deringen 2020", "vermin-deringen 2020",
         "saldo begin 2021", "vermeer-deringen 2021", "vermin-deringen 2021", "Saldo eind 2021"]
z_per = [None, 2018, 2018, 2018, 2019, 2019, 2019, 2020, 2020, 2020, 2021, 2021, 2021, 2021]
add(id="zutphen-2018-meerjarig-beeld-reserves", body="Zutphen", body_kind="gemeente", kind="begroting", table_kind="reserves",
    url="https://zutphen.begroting-2018.nl/p30/meerjarige-ontwikkelingen-reserves-en-voorzieningen",
    page_title="Meerjarige ontwikkelingen reserves en voorzieningen", title="Meerjarig beeld reserves", unit="x € 1.000",
    header=[z_hdr], col_periods=z_per,
    rows=[R("A. Algemene reserves", sp("14.537 533 3.932 11.138 533 2.773 8.898 533 441 8.990 533 401 9.121")),
          R("B. Reserves dekking kapitaallasten", sp("15.523 1.218 4.031 12.710 1.223 1.863 12.070 1.223 1.861 11.432 1.248 1.858 10.822")),
          R("C. Egalisatiereserves", sp("13.339 1.663 4.224 10.777 1.697 3.456 9.019 1.834 3.303 7.550 2.204 3.080 6.674")),
          R("D. Reserves grondbedrijf", sp("2.489 33 0 2.522 33 0 2.555 33 0 2.588 33 0 2.621")),
          R("F. Overige bestemmingsreserves", sp("9.869 1.104 1.609 9.364 1.204 479 10.089 1.304 446 10.947 1.404 445 11.906")),
          R("Totaal reserves", sp("55.757 4.551 13.796 46.511 4.690 8.571 42.630 4.927 6.050 41.507 5.422 5.784 41.145"), total=True)],
    note="Header texts keep the hyphens of the published column heads ('vermeer-deringen').")
add(id="zutphen-2018-meerjarig-beeld-voorzieningen", body="Zutphen", body_kind="gemeente", kind="begroting", table_kind="reserves",
    url="https://zutphen.begroting-2018.nl/p30/meerjarige-ontwikkelingen-reserves-en-voorzieningen",
    page_title="Meerjarige ontwikkelingen reserves en voorzieningen", title="Meerjarig beeld voorzieningen", unit="x € 1.000",
    header=[z_hdr], col_periods=z_per,
    rows=[R("A. Verplichtingen verliezen, risico's", sp("2.686 51 0 2.737 50 0 2.787 32 0 2.819 32 0 2.850")),
          R("B. Voorzieningen van derden verkregen middelen", sp("4.360 507 954 3.913 507 631 3.788 507 631 3.664 507 631 3.539")),
          R("C. Grondbedrijf", sp("10.552 0 0 10.552 0 0 10.552 0 0 10.552 0 0 10.552")),
          R("Totaal voorzieningen", sp("17.598 558 954 17.202 557 631 17.127 539 631 17.034 539 631 16.941"), total=True)])

# ---------------------------------------------------------------- Tiel, Leiden
t_hdr = [["bedragen x € 1.000", "werkelijk 2019", "begroot 2020", "begroot 2021", "begroot 2022", "begroot 2023", "begroot 2024"]]
t_per = [None, 2019, 2020, 2021, 2022, 2023, 2024]
add(id="tiel-2021-overhead-baten-lasten", body="Tiel", body_kind="gemeente", kind="begroting", table_kind="lasten_baten",
    url="https://tiel.begroting-2021.nl/p24576/overhead", page_title="Deel 2: Programmaplan - Overhead",
    title="Algemene baten en lasten", unit="x € 1.000", header=t_hdr, col_periods=t_per,
    text="Overheadkosten zijn kosten die niet direct toegerekend kunnen worden aan een product of een programma in de begroting.",
    rows=[R("Lasten", sp("14.366 15.008 14.822 14.310 14.312 14.280")), R("Baten", sp("1.315 2.743 1.280 1.440 1.440 1.440")),
          R("Saldo", sp("13.051 12.266 13.543 12.871 12.873 12.840"), total=True)])
add(id="tiel-2021-overhead-onderdelen", body="Tiel", body_kind="gemeente", kind="begroting", table_kind="lasten_baten",
    url="https://tiel.begroting-2021.nl/p24576/overhead", page_title="Deel 2: Programmaplan - Overhead",
    title="Onderdelen kosten van overhead", unit="x € 1.000",
    header=[["bedragen x € 1.000", "werkelijk", "begroot", "begroot", "begroot", "begroot", "begroot"],
            ["", "2019", "2020", "2021", "2022", "2023", "2024"]], col_periods=t_per,
    text="Uit bovenstaande tabel blijkt dat de kosten van overhead €13,0 miljoen bedragen. Dit bedrag kan grofweg opgedeeld worden in de volgende onderdelen:",
    rows=[R("Salarissen", sp("4.439 4.126 5.152 4.806 4.806 4.806")),
          R("Bijdragen verbonden partijen", sp("6.154 6.277 6.913 6.884 6.884 6.884")),
          R("Materiële kosten", sp("2.768 2.963 2.576 2.445 2.455 2.455")),
          R("Kapitaallasten", sp("1.246 2.035 557 551 542 510")),
          R("Verrekening met voorzieningen", ["", "", "", "", "", ""]),
          R("Totaal lasten", sp("14.366 15.008 14.822 14.310 14.312 14.280"), total=True),
          R("Bijdragen van derden", sp("-1.315 -2.743 -1.280 -1.440 -1.440 -1.440")),
          R("Totaal inkomsten", sp("-1.315 -2.743 -1.280 -1.440 -1.440 -1.440"), total=True),
          R("Saldo", sp("13.051 12.266 13.543 12.871 12.873 12.840"), total=True)],
    note="The table has no caption of its own on the page; the title is taken from the sentence above it.")
L = lambda a, b, c: [R(a, [""] * 6, kind="group"), R("Lasten", sp(b), indent=1), R("Baten", sp(c), indent=1)]
add(id="leiden-2022-algemene-dekkingsmiddelen", body="Leiden", body_kind="gemeente", kind="begroting", table_kind="lasten_baten",
    url="https://programmabegroting.leiden.nl/beleidsbegroting/programmaplan/dekkingsmiddelen-overhead-vpb-en-onvoorzien",
    page_title="Programmabegroting 2022 - Dekkingsmiddelen, Overhead, Vpb en onvoorzien",
    title="Algemene middelen", unit="x 1.000,-",
    header=[[{"text": "bedragen x 1.000,-", "rowspan": 2}, {"text": "Rekening 2020", "rowspan": 2}, {"text": "Begroting 2021", "rowspan": 2},
             {"text": "Begroting 2022", "rowspan": 2}, {"text": "Meerjarenraming", "span": 3}],
            ["", "", "", "", "2023", "2024", "2025"]],
    col_periods=[None, 2020, 2021, 2022, 2023, 2024, 2025],
    text="De algemene dekkingsmiddelen vormen de financiële dekking van de bestedingen van de programma’s 1 tot en met 10, en zijn ingedeeld naar voorgeschreven categoriën en onvoorzien.",
    rows=L("Lokale heffingen besteding niet gebonden", "0 0 0 0 0 0", "-62.455 -64.335 -59.609 -60.220 -60.793 -60.793")
    + [R("Saldo", sp("-62.455 -64.335 -59.609 -60.220 -60.793 -60.793"), indent=1, total=True)]
    + L("Algemene uitkering", "0 689 241 435 449 421", "-286.875 -285.548 -293.691 -292.792 -296.633 -301.645")
    + [R("Saldo", sp("-286.875 -284.859 -293.450 -292.357 -296.184 -301.224"), indent=1, total=True)]
    + L("Dividend", "63 45 90 90 90 90", "-3.021 -2.630 -2.830 -2.630 -2.630 -2.630")
    + [R("Saldo", sp("-2.958 -2.585 -2.740 -2.540 -2.540 -2.540"), indent=1, total=True)]
    + L("Saldo financieringsfunctie", "-256 627 -2.226 -1.045 662 1.515", "-359 -752 -152 -152 -152 -152")
    + [R("Saldo", sp("-615 -125 -2.378 -1.197 510 1.363"), indent=1, total=True)],
    note="Only the first four categories are complete in the stored excerpt. On the page the category names stand in a first column beside Lasten/Baten/Saldo; here each category is a group row with indented Lasten/Baten/Saldo sub-rows.")

# ---------------------------------------------------------------- meldingen
add(id="pijnacker-nootdorp-2010-meldingen", body="Pijnacker-Nootdorp", body_kind="gemeente", kind="burgerjaarverslag",
    table_kind="indicators", url="https://www.pijnacker-nootdorp.nl/artikel/meldingen-burgerjaarverslag-2010.htm",
    page_title="Meldingen, Burgerjaarverslag 2010", title="Meldingen Meldpunt Wijkbeheer", unit="aantal en %",
    header=[["Categorie", {"text": "2010", "span": 2}, {"text": "2009", "span": 2}, {"text": "2008", "span": 2}]],
    col_periods=[None, 2010, 2010, 2009, 2009, 2008, 2008], col_dims=[None, "aantal", "%", "aantal", "%", "aantal", "%"],
    text="Inwoners kunnen aan het Meldpunt Wijkbeheer zaken over het onderhoud van de openbare ruimte melden, maar bijvoorbeeld ook over de afvalinzameling en de gemeentelijke gebouwen.",
    rows=[R("Wegen, straatreiniging", sp("2356 40% 2335 37% 2453 41%")),
          R("Groen, spelen, buitensport", sp("816 14% 791 13% 794 13%")),
          R("Riolering", sp("325 5% 263 4% 284 5%")),
          R("Gemeentelijke accommodaties", sp("401 7% 375 6% 294 5%")),
          R("Openbare verlichting (CityTec)", sp("826 14% 789 13% 767 13%")),
          R("Afvalinzameling (Avalex)", sp("1221 20% 1684 27% 1353 23%")),
          R("Totaal", sp("5945 100% 6237 100% 5945 100%"), total=True)],
    note="The page gives no caption; the title is made from the page's text. Each year heads two columns (number, share).")
add(id="uden-2015-klachten-publieke-ruimte", body="Uden", body_kind="gemeente", kind="begroting", table_kind="indicators",
    url="https://financien.uden.nl/financien/2015/programmabegroting-2015/programmaplan/goed-leven-en-ontmoeten/samen-de-leefomgeving-inrichten/",
    page_title="Samen de leefomgeving inrichten (Programmabegroting 2015)", title="Prestatie-indicator", unit="aantal",
    header=[["Indicator Aantal klachten in de publieke ruimte", "Werkelijk 2013"]], col_periods=[None, 2013],
    rows=[R("Melding openbare ruimte", ["2.741"]), R("Melding openbare verlichting", ["640"]),
          R("Melding schade en overlast", ["353"]), R("Totaal aantal meldingen", ["3.734"], total=True)],
    note="Only the 'Werkelijk 2013' block is taken; the rows 'Prognose 2015', 'Informatiebron' and 'Aanvullende informatie' of the page are left out.")

# ---------------------------------------------------------------- Fryslân
def fy(header_years):
    return [["Onderwerp", "Indicatoren"] + header_years], [None, None] + [int(y) for y in header_years]


def FR(onderwerp, indicator, vals, kind=None):
    return {"label": onderwerp, "label2": indicator, "values": vals.split(), **({"kind": kind} if kind else {})}


Y = ["2018", "2019", "2020", "2021", "2022", "2023"]
h, p = fy(Y)
add(id="fryslan-2023-prestatie-indicatoren-programma-1", body="Fryslân", body_kind="provincie", kind="jaarstukken",
    table_kind="indicators", url="https://fryslan.begrotingsapp.nl/jaarstukken-2023/programma/bijlage-7-prestatie-indicatoren-bbv",
    page_title="Bijlage 7. Prestatie indicatoren BBV (Jaarstukken 2023)", title="Programma 1", unit="%", header=h, col_periods=p,
    label_cols=2,
    rows=[FR("Kwaliteit openbaar bestuur", "Opkomst verkiezingen Tweede Kamer", "nvt nvt nvt 80,4% nvt nvt"),
          FR("", "Opkomst verkiezingen Provinciale Staten", "nvt 59,1% nvt nvt nvt 65,5%"),
          FR("", "Opkomst verkiezingen Gemeenteraad", "57,9% nvt nvt nvt 54,8% nvt"),
          FR("", "Aantal gemeenten onder preventief toezicht", "0 0 0 0 0 0"),
          FR("", "% gemeenten onder preventief toezicht", "0% 0% 0% 0% 0% 0%")])
add(id="fryslan-2023-prestatie-indicatoren-programma-3", body="Fryslân", body_kind="provincie", kind="jaarstukken",
    table_kind="indicators", url="https://fryslan.begrotingsapp.nl/jaarstukken-2023/programma/bijlage-7-prestatie-indicatoren-bbv",
    page_title="Bijlage 7. Prestatie indicatoren BBV (Jaarstukken 2023)", title="Programma 3", unit="hectare", header=h, col_periods=p,
    label_cols=2, footnote="** Cijfers worden met terugwerkende kracht aangepast",
    rows=[FR("Vitaal platteland, natuurbeheer en ontwikkeling natuurgebieden", "Aantal hectare nieuwe natuur verworven (NNN) **", "135 123 111 61 109 76"),
          FR("", "Aantal hectare nieuwe natuur ingericht (NNN) **", "696 585 371 0 163 107"),
          FR("", "Aantal hectare natuur in gesubsidieerd beheer (SVNL) **", "58.194 58.212 59.096 62.513 62.587 62.642")])
add(id="fryslan-2023-prestatie-indicatoren-programma-4", body="Fryslân", body_kind="provincie", kind="jaarstukken",
    table_kind="indicators", url="https://fryslan.begrotingsapp.nl/jaarstukken-2023/programma/bijlage-7-prestatie-indicatoren-bbv",
    page_title="Bijlage 7. Prestatie indicatoren BBV (Jaarstukken 2023)", title="Programma 4", unit="%, 1000 ton, PJ", header=h, col_periods=p,
    label_cols=2, footnote="* Cijfers worden met terugwerkende kracht aangepast",
    rows=[FR("Waterkwaliteit (oppervlaktewater)", "% waterlichamen met een goede ecologische kwaliteit", "0% 0% 0% 0% 0% nnb"),
          FR("Emissie van broeikasgassen", "Totale emissie broeikasgassen (C02) (in 1000 ton) *", "4.286 3.999 3.703 3.726 3.443 nnb"),
          FR("Energieneutraliteit", "Productie hernieuwbare energie (in PJ) *", "7,7 8,2 9,1 11,7 nnb nnb")])
add(id="fryslan-2023-prestatie-indicatoren-programma-5", body="Fryslân", body_kind="provincie", kind="jaarstukken",
    table_kind="indicators", url="https://fryslan.begrotingsapp.nl/jaarstukken-2023/programma/bijlage-7-prestatie-indicatoren-bbv",
    page_title="Bijlage 7. Prestatie indicatoren BBV (Jaarstukken 2023)", title="Programma 5", unit="%", header=h, col_periods=p,
    label_cols=2,
    rows=[FR("Werkgelegenheid", "Bruto arbeidsparticipatie (in %)", "69,9% 70,6% 70,2% 72,80% 74,20% nnb"),
          FR("Bruto Regionaal Product", "Toename BRP ten opzichte van vorig jaar (in %)", "4,6% 6,1% -0,1%* 6,9%* nnb nnb")],
    note="The third row (Restauratie-volume Rijksmonumenten) is cut off in the stored excerpt and left out.")
Y2 = ["2016", "2017", "2018", "2019", "2020", "2021"]
h2, p2 = fy(Y2)
add(id="fryslan-begroting-2023-bbv-indicatoren-programma-3", body="Fryslân", body_kind="provincie", kind="begroting",
    table_kind="indicators", url="https://fryslan.begrotingsapp.nl/begroting-2023/programma/bijlage-12-verplichte-indicatoren-in-het-kader-van-het-bbv",
    page_title="Bijlage 12. Verplichte indicatoren in het kader van het BBV (Begroting 2023)",
    title="Verplichte indicatoren in het kader van het BBV", unit="hectare", header=h2, col_periods=p2, label_cols=2,
    rows=[FR("Vitaal platteland, natuurbeheer en ontwikkeling natuurgebieden", "Aantal hectare nieuwe natuur verworven (NNN)", "70 143 134 122 111 55"),
          FR("", "Aantal hectare nieuwe natuur ingericht (NNN)", "159 267 696 585 372 0"),
          FR("", "Aantal hectare natuurgebied in gesubsidieerd beheer (SVNL)", "60.076 58.146 58.194 58.212 59.056 66.535")])
Y3 = ["2016", "2017", "2018", "2019", "2020"]
h3, p3 = fy(Y3)
add(id="fryslan-begroting-2023-bbv-indicatoren-klimaat", body="Fryslân", body_kind="provincie", kind="begroting",
    table_kind="indicators", url="https://fryslan.begrotingsapp.nl/begroting-2023/programma/bijlage-12-verplichte-indicatoren-in-het-kader-van-het-bbv",
    page_title="Bijlage 12. Verplichte indicatoren in het kader van het BBV (Begroting 2023)",
    title="Verplichte indicatoren in het kader van het BBV", unit="1000 ton, PJ", header=h3, col_periods=p3, label_cols=2,
    rows=[FR("Emissie van broeikasgassen", "Totale emissie broeikasgassen (C02) (in 1000 ton)", "4.451,5 4.265,0 4.320,2 4.069,3 3.814,9"),
          FR("Energieneutraliteit", "Productie hernieuwbare energie (in PJ)", "6,3 6,8 7,7 8,3 8,6")])
Y4 = ["2018", "2019", "2020", "2021", "2022"]
h4, p4 = fy(Y4)
add(id="fryslan-begroting-2023-bbv-indicatoren-programma-1", body="Fryslân", body_kind="provincie", kind="begroting",
    table_kind="indicators", url="https://fryslan.begrotingsapp.nl/begroting-2023/programma/bijlage-12-verplichte-indicatoren-in-het-kader-van-het-bbv",
    page_title="Bijlage 12. Verplichte indicatoren in het kader van het BBV (Begroting 2023)",
    title="Verplichte indicatoren in het kader van het BBV", unit="%", header=h4, col_periods=p4, label_cols=2,
    rows=[FR("Kwaliteit openbaar bestuur", "Opkomst verkiezingen Tweede Kamer", "- - - 80,40% -"),
          FR("", "Opkomst verkiezingen Provinciale Staten", "- 59,10% - - -"),
          FR("", "Opkomst verkiezingen Gemeenteraad", "57,90% - - - 53,80%")])

# ---------------------------------------------------------------- Zuid-Holland
add(id="zuid-holland-2021-wettelijke-indicatoren", body="Zuid-Holland", body_kind="provincie", kind="begroting",
    table_kind="indicators", url="https://zuidholland.begroting-2021.nl/p47402/wettelijke-indicatoren",
    page_title="Concept Begroting 2021 - Wettelijke indicatoren", title="Wettelijke indicatoren", unit=None,
    header=[["Ambitie", "Omschrijving", "Nulmeting", "Meetwaarde 2019", "2021", "2022", "2023", "2024"]],
    col_periods=[None, None, None, 2019, 2021, 2022, 2023, 2024], label_cols=2, value_from=3,
    text="Onderstaande indicatoren zijn gebaseerd op de Regeling van de Minister van Binnenlandse Zaken en Koninkrijksrelaties van 10 november 2017, nr. 2017-0000031576, tot vaststelling van de beleidsindicatoren die door provincies in de ambities en ambitie verantwoording worden opgenomen.",
    rows=[{"label": "1", "label2": "Aantal gemeenten onder preventief financieel toezicht", "values": ["PM", "0", "0", "0", "0", "0"]},
          {"label": "1", "label2": "Opkomst verkiezingen", "values": ["PM", "55%", "55%", "55%", "55%", "55%"]},
          {"label": "2", "label2": "Waardering Openbaar Vervoer obv Klantenbarometer", "values": ["7,5", "7,9 (landelijk gemiddelde 7,8)", "≥ landelijk gemiddelde 2021", "≥ landelijk gemiddelde 2022", "≥ landelijk gemiddelde 2023", "≥ landelijk gemiddelde 2024"]},
          {"label": "3", "label2": "Totale emissie broeikasgassen in Zuid-Holland (Mton)", "values": ["40 Mton", "43", "39", "38", "38", "38"]},
          {"label": "3", "label2": "Totale productie van hernieuwbare energie in Zuid-Holland (PJ)", "values": ["13.4 PJ", "22,9", "44", "56", "56", "56"]},
          {"label": "4", "label2": "Procentuele groei BRP", "values": ["PM", "1,7", "3,5", "1,9", "1,7", "1,5"]},
          {"label": "4", "label2": "Procentuele werkgelegenheid", "values": ["PM", "70,8", "70,8", "71,3", "71,8", "72,3"]},
          {"label": "4", "label2": "Restauratievolume", "values": ["15", "15,1", "pm", "pm", "pm", "pm"]},
          {"label": "5", "label2": "Aantal KRW-grondwaterlichamen dat aan de KRW-doelen voldoet", "values": ["3", "Geen meting", "Geen meting", "4", "4", "4"]},
          {"label": "5", "label2": "Jaarlijkse groei van het aantal ha nieuw ingericht natuurgebied ten opzichte van de opgave", "values": ["17,3", "50", "500", "500", "1.000", ""]},
          {"label": "5", "label2": "Jaarlijkse groei van het aantal ha nieuw natuurgebied in beheer ten opzichte van de opgave", "values": ["27.476", "-275 (-1%)", "pm", "pm", "pm", "pm"]}],
    note="In the row 'Jaarlijkse groei ... nieuw ingericht natuurgebied' the page has only five values after the Nulmeting; they are put in the first five columns and the last is left empty, which may misplace them by one column.")
add(id="zuid-holland-najaarsnota-2022-wettelijke-indicatoren", body="Zuid-Holland", body_kind="provincie", kind="najaarsnota",
    table_kind="indicators", url="https://zuidholland.najaarsnota-2022.nl/p65288/wettelijke-indicatoren",
    page_title="Najaarsnota 2022 - Wettelijke indicatoren", title="Wettelijke indicatoren", unit=None,
    header=[["Ambitie", "Omschrijving", "Nulmeting", "2022", "2023", "2024", "2025"]],
    col_periods=[None, None, None, 2022, 2023, 2024, 2025], label_cols=2, value_from=3,
    rows=[{"label": "1", "label2": "Aantal gemeenten onder preventief financieel toezicht", "values": ["PM", "0", "0", "0", "0"]},
          {"label": "4", "label2": "Procentuele groei BRP", "values": ["PM", "3,5", "1,5", "1,3", "1,3"]},
          {"label": "4", "label2": "Procentuele werkgelegenheid", "values": ["PM", "71,7", "72,0", "72,3", "72,3"]},
          {"label": "4", "label2": "Restauratievolume", "values": ["15", "12,4%", "12,1%", "11,8%", "11,5%"]},
          {"label": "5", "label2": "Aantal KRW-grondwaterlichamen dat aan de KRW-doelen voldoet", "values": ["3", "4", "4", "4", "4"]},
          {"label": "5", "label2": "Jaarlijkse groei van het aantal ha nieuw ingericht natuurgebied ten opzichte van de opgave", "values": ["-", "500", "500", "1.000", "1.000"]},
          {"label": "5", "label2": "Jaarlijkse groei van het aantal ha nieuw natuurgebied in beheer ten opzichte van de opgave", "values": ["27.476", "50 (0%)", "50 (0%)", "50 (0%)", "50 (0%)"]}],
    note="Rows with fewer values than columns on the page (opkomst verkiezingen, waardering OV, emissie, hernieuwbare energie) are left out because their column placement is unclear.")
add(id="zuid-holland-2020-begrotingswijziging-wettelijke-indicatoren", body="Zuid-Holland", body_kind="provincie", kind="begrotingswijziging",
    table_kind="indicators", url="https://eerstebegrotingswijziging.begroting-2020.nl/p45204/wettelijke-indicatoren",
    page_title="Eerste begrotingswijziging 2020 - Wettelijke indicatoren", title="Wettelijke indicatoren", unit=None,
    header=[["Ambitie", "Omschrijving", "Nulmeting", "Meetwaarde 2018", "2020", "2021", "2022", "2023"]],
    col_periods=[None, None, None, 2018, 2020, 2021, 2022, 2023], label_cols=2, value_from=3,
    rows=[{"label": "2", "label2": "Waardering Openbaar Vervoer obv Klantenbarometer", "values": ["7,5", "", "≥ landelijk gemiddelde 2020", "≥ landelijk gemiddelde 2021", "≥ landelijk gemiddelde 2022", "≥ landelijk gemiddelde 2023"]},
          {"label": "3", "label2": "Totale emissie broeikasgassen in Zuid-Holland (Mton)", "values": ["40 Mton", "45,3", "41", "39", "38", ""]},
          {"label": "3", "label2": "Totale productie van hernieuwbare energie in Zuid-Holland (PJ)", "values": ["13.4 PJ", "19.7", "39", "44", "56", ""]},
          {"label": "4", "label2": "Procentuele groei BRP", "values": ["PM", "PM", "PM", "PM", "PM", ""]},
          {"label": "4", "label2": "Restauratievolume", "values": ["15", "15,4", "12", "11,5", "11,5", "11,5"]},
          {"label": "5", "label2": "Jaarlijkse groei van het aantal ha nieuw natuurgebied in beheer ten opzichte van de opgave", "values": ["27.476", "567", "381 (1%)", "639 (2%)", "1.630 (6%)", ""]}],
    note="Rows with four values after the Nulmeting (emissie, hernieuwbare energie, groei BRP) are placed from 'Meetwaarde 2018' onwards with the last column empty, and the OV row from '2020'; the placement is a reading of the page, which has no empty cells..")

# ---------------------------------------------------------------- kengetallen
add(id="gilze-rijen-2016-verloop-kengetallen", body="Gilze en Rijen", body_kind="gemeente", kind="jaarverslag",
    table_kind="indicators", url="https://gilzerijen.jaarverslag-2016.nl/p3754/verloop-kengetallen",
    page_title="Verloop kengetallen (Jaarverslag 2016)", title="Verloop kengetallen", unit="%",
    header=[["Kengetallen:", "Rekening 2015", "Rekening 2016"]], col_periods=[None, 2015, 2016],
    rows=[R("Netto schuldquote", ["85%", "58%"]), R("Netto schuldquote gecorrigeerd voor alle verstrekte leningen", ["50%", "35%"]),
          R("Solvabiliteitsratio", ["31%", "29%"]), R("Structurele exploitatieruimte", ["7%", "4%"]),
          R("Grondexploitatie", ["61%", "39%"]), R("Belastingcapaciteit", ["82%", "81%"])])
add(id="alphen-chaam-2016-verloop-kengetallen", body="Alphen-Chaam", body_kind="gemeente", kind="jaarverslag",
    table_kind="indicators", url="https://alphen-chaam.jaarverslag-2016.nl/p4550/verloop-kengetallen",
    page_title="Weerstandsvermogen en risicobeheersing - Verloop kengetallen (Jaarverslag 2016)", title="Verloop kengetallen", unit="%",
    header=[["Kengetallen:", "Rekening 2015", "Rekening 2016"]], col_periods=[None, 2015, 2016],
    rows=[R("Netto schuldquote", ["58%", "50%"]), R("Netto schuldquote gecorrigeerd voor alle verstrekte leningen", ["70%", "57%"]),
          R("Solvabiliteitsratio", ["29%", "33%"]), R("Structurele exploitatieruimte", ["2%", "1%"]),
          R("Grondexploitatie", ["12%", "12%"]), R("Belastingcapaciteit", ["115%", "122%"])])
add(id="dronten-2016-verloop-kengetallen", body="Dronten", body_kind="gemeente", kind="jaarverslag",
    table_kind="indicators", url="https://dronten.jaarverslag-2016.nl/p1036/verloop-kengetallen",
    page_title="Verloop kengetallen (Jaarverslag 2016)", title="Verloop kengetallen", unit="%",
    header=[["Kengetallen", "Werkelijk 2015", "Begroot 2016", "Werkelijk 2016"]], col_periods=[None, 2015, 2016, 2016],
    col_dims=[None, "Werkelijk", "Begroot", "Werkelijk"],
    rows=[R("Netto schuldquote", ["-/- 22%", "-/- 16%", "-/- 23%"]),
          R("Netto schuldquote gecorrigeerd voor alle verstrekte leningen", ["-/- 39%", "-/- 32%", "-/- 26%"]),
          R("Solvabiliteitsratio", ["75%", "75%", "76%"]), R("Structurele exploitatieruimte", ["2,1%", "2,1%", "3%"]),
          R("Grondexploitatie", ["17%", "22%", "15%"]), R("Belastingcapaciteit", ["95%", "98%", "95%"])])
add(id="weert-2019-verloop-kengetallen", body="Weert", body_kind="gemeente", kind="jaarstukken",
    table_kind="indicators", url="https://weert.jaarverslag-2019.nl/p51107/kengetallen",
    page_title="Jaarstukken 2019 - Weerstandsvermogen en risicobeheersing - Kengetallen", title="Verloop van de kengetallen", unit="%",
    header=[["Kengetallen", "Jaarrekening 2018", "Begroting 2019", "Jaarrekening 2019"]], col_periods=[None, 2018, 2019, 2019],
    col_dims=[None, "Jaarrekening", "Begroting", "Jaarrekening"],
    rows=[R("netto schuldquote", ["72,94%", "77,84%", "67,58%"]),
          R("netto schuldquote gecorrigeerd voor alle verstrekte leningen", ["60,20%", "66,12%", "57,02%"]),
          R("solvabiliteitsratio", ["35,53%", "33,81%", "32,79%"]), R("structurele exploitatieruimte", ["0,32%", "-1,04%", "-2,44%"]),
          R("grondexploitatie", ["20,04%", "21,04%", "15,04%"]), R("belastingcapaciteit", ["103,63%", "104,38%", "101,89%"]),
          R("weerstandsvermogen", ["2,25", "1,70", "1,78"])])
add(id="leidschendam-voorburg-2018-kengetallen", body="Leidschendam-Voorburg", body_kind="gemeente", kind="jaarstukken",
    table_kind="indicators", url="https://leidschendam-voorburg.jaarverslag-2018.nl/p4138/kengetallen",
    page_title="Jaarstukken 2018 - Weerstandsvermogen en risicobeheersing - Kengetallen", title="Kengetallen", unit="%",
    header=[["Kengetal", "Rekening 2017", "Begroting 2018", "Rekening 2018"]], col_periods=[None, 2017, 2018, 2018],
    col_dims=[None, "Rekening", "Begroting", "Rekening"],
    rows=[R("1a. Netto schuldquote", ["86 %", "95 %", "68,96 %"]),
          R("1b. Netto schuldquote (gecorrigeerd voor verstrekte leningen)", ["66 %", "90 %", "65.98 %"]),
          R("2. Solvabiliteitsratio", ["39 %", "40 %", "33,82 %"]), R("3. Structurele exploitatieruimte", ["-3,6 %", "0.74 %", "- 2.20 %"]),
          R("4. Grondexploitatie", ["17,08 %", "20,03 %", "19,56 %"]), R("5. Belastingcapaciteit", ["96,3 %", "98,6 %", "98,4 %"])],
    note="Mixed decimal points and commas ('65.98 %', '0.74 %', '- 2.20 %') as published.")

# ---------------------------------------------------------------- actions, inventories
add(id="etten-leur-2024-acties-college-uitvoeringsprogramma", body="Etten-Leur", body_kind="gemeente", kind="jaarrekening",
    table_kind="actions", time_axis=False,
    url="https://jaarrekening2024.financieelportaal.etten-leur.nl/programma-s/1-eigentijds-bestuur-en-dienstverlening-op-maat-in-etten-leur/1-1-vertrouwen-in-de-overheid/wat-is-de-stand-van-zaken",
    page_title="Wat is de stand van zaken? (Jaarrekening 2024, 1.1 Vertrouwen in de overheid)",
    title="Acties uit het college uitvoeringsprogramma voor 2024:", unit=None,
    header=[["Naam project", "Omschrijving", {"text": "planning:", "span": 2}]],
    rows=[R("Toegankelijkheid van raadsvergaderingen", ["De gemeenteraad wil zichtbaar en benaderbaar zijn.", "2024", "2025"]),
          R("Afstemming met maatschappelijke partners", ["Tweemaal per jaar (ruim voor de kadernota en ruim voor de begroting) een bijeenkomst organiseren met maatschappelijke partners om antwoord te krijgen op de vraag: 'liggen we op koers met de uitvoering van het raadsprogramma en zijn er eventueel bijstellingen nodig gegeven maatschappelijke ontwikkelingen?'", "2024", "2025"]),
          R("Project Raadzaal en Herindeling Publiekshal", ["Toegankelijke locatie voor raadsvergaderingen en een publiekshal die aansluit bij de opgave dienstverlening. (Met oog voor werkplekken van RWB/Werkplein).", "2024", "2025"])],
    note="The planning columns hold the years in which an action runs; no owner column is published.")
add(id="noord-beveland-2018-risicos", body="Noord-Beveland", body_kind="gemeente", kind="begroting",
    table_kind="scoring", time_axis=False, url="https://gapminded.nl/gemeente/1695",
    page_title="Noord-Beveland (gapminded.nl, risico's 2018)", title="Risico's 2018", unit="kans %, bedragen in €",
    header=[["Categorie", "Risico", "Kans", "Max. impact", "Gewogen bedrag"]], label_cols=2,
    rows=[{"label": a, "label2": b, "values": c.split()} for a, b, c in [
        ("Kapitaalgoederen", "Wegen", "70.0 7000.0 4900.0"),
        ("Aanbesteding", "Aanbesteding B&O", "30.0 12000.0 3600.0"),
        ("Juridisch, aansprakelijkheid, claims", "Aansprakelijkheidstelling vermogensschade", "70.0 7000.0 4900.0"),
        ("Informatieveiligheid", "Administratieve organisatie (waaronder interne controle)", "30.0 1500.0 450.0"),
        ("Gemeentefonds", "Algemene uitkering gemeentefonds", "90.0 270000.0 243000.0"),
        ("Personeel", "Arbo-wetgeving", "5.0 3000.0 150.0"),
        ("Informatieveiligheid", "Archief (historisch archief)", "5.0 500.0 25.0"),
        ("ICT algemeen", "Automatisering", "70.0 52500.0 36750.0"),
        ("Informatieveiligheid", "Beveiligingsbeleid", "50.0 5000.0 2500.0"),
        ("Kapitaalgoederen", "Bluswatervoorziening", "90.0 90000.0 81000.0"),
        ("Bodemsanering", "Bodemsanering", "50.0 100000.0 50000.0"),
        ("Overig", "Disfunctioneren", "10.0 5000.0 500.0"),
        ("GR / Verbonden partijen", "Dubieuze debiteuren", "50.0 25000.0 12500.0"),
        ("Juridisch, aansprakelijkheid, claims", "Dwangsom bij niet tijdige beslissing", "90.0 9000.0 8100.0"),
        ("Juridisch, aansprakelijkheid, claims", "Eigen risico verzekeringen", "50.0 2500.0 1250.0"),
        ("Energietransitie", "Energie", "30.0 7500.0 2250.0"),
        ("Belasting", "Fiscaliteit", "50.0 395000.0 197500.0"),
        ("GR / Verbonden partijen", "Garantstelling leningen derden", "30.0 1663060.0 498918.0"),
        ("GR / Verbonden partijen", "Gemeenschappelijke Regelingen", "70.0 115000.0 80500.0"),
        ("Kapitaalgoederen", "Gladheidbestrijding wegen", "90.0 450.0 405.0"),
        ("Kapitaalgoederen", "Huisvesting brandweer", "90.0 27000.0 24300.0"),
        ("Informatieveiligheid", "Informatievoorziening", "70.0 17500.0 12250.0"),
        ("Onderwijs", "Inkomsten Korczakschool", "90.0 18000.0 16200.0"),
        ("Juridisch, aansprakelijkheid, claims", "Juridische kosten", "90.0 90000.0 81000.0"),
        ("Juridisch, aansprakelijkheid, claims", "Kwijtscheldingsbeleid", "90.0 22500.0 20250.0"),
        ("Informatieveiligheid", "Meldplicht Datalekken", "30.0 246000.0 73800.0"),
        ("Kapitaalgoederen", "Milieu", "10.0 1000.0 100.0"),
        ("Kapitaalgoederen", "Onderhoud gebouwen", "30.0 7500.0 2250.0"),
        ("Kapitaalgoederen", "Openbaar groen", "90.0 4500.0 4050.0")]],
    note="Published by a third-party site that republishes the municipality's risk register (figures as the site prints them, with decimal points). The last row of the excerpt (Planschade) is cut off and left out. Long enough to run over a page.")

out = Path(__file__).resolve().parent / "sources"
out.mkdir(exist_ok=True)
for s in S:
    src = {"url": s.pop("url"), "title": s.pop("page_title"), "note": s.pop("note")}
    s["source"] = src
    (out / f"{s['id']}.json").write_text(json.dumps(s, ensure_ascii=False, indent=1) + "\n")
print(len(S), "sources;", len({s['body'] for s in S}), "bodies")
