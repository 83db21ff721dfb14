import csv
G = {
"Boeung Keng Kang III of Boeung Keng Kang district": ("12","1213","121303"),
"Khmuonh communes of Sen Sok district": ("12","1208","120803"),
"Pi Thnou commune, Snuol district": ("10","1005","100502"),
"Roka Koh commune, Kong Pisei district": ("05","0503","050308"),
"Kampong Speu province’s Por Chamroeun commune": ("05","0501","050108"),
"Baset district’s Por Chamroeun commune": ("05","0501","050108"),
"a Boeng Tompun location": ("12","1206",""),
"the Bokor mountain scam site in Kampot province": ("07","0709",""),
"Toul Tom Poung": ("12","1201",""),
"the northeastern province of Stung Treng": ("19","",""),
"柬埔寨西北部边界城市波别": ("01","0110",""),
"柬埔寨西北部邊界城市波別的“金皇冠賭場”": ("01","0110",""),
"柬埔寨南部的西哈努克省": ("18","",""),
"柴桢省巴域市一处电信诈骗园区": ("20","2008",""),
"蒙多基里省森莫諾隆市一處詐騙園區": ("11","1105",""),
"在贡不省": ("07","",""),
"在干拉省突袭两个窝点": ("08","",""),
"西哈努克市第4分區第4村的「新利賭場」（Sinli Casino）": ("18","1801","180104"),
"鄰近越南邊境的貢布省一處大型園區": ("07","",""),
"casino compounds in Thmor Da": ("15","1506","150605"),
"Phnom Penh’s Chamkar Mon district": ("12","1201",""),
"No. 128 in the Tuol Kouk district's Salipab area": ("12","1204",""),
"an 8-story apartment building in the Sensok district": ("12","1208",""),
"カンボジア北部のタイとの国境近くの町、アンロンベン(1990年代内戦のポルポト派の拠点、シェムリアップの北部)": ("22","2201",""),
"캄보디아 서남부의 최대 항구도시 시아누크빌": ("18","1801",""),
"보코산 국립공원 인근": ("07","",""),
"캄폿주 보꼬르산": ("07","0709",""),
"보코산 지역과 바벳시": ("07;20","",""),
"프놈펜 차이나타운 인근": ("12","",""),
"Golden Phoenix Entertainment Casino ở xã Chrey Thom, huyện Koh Thom, tỉnh Kandal": ("08","0812","081205"),
"Tổng Lãnh sự quán tại Sihanoukville": ("18","1801",""),
"ស្រុកអណ្តូងមាស": ("16","1601",""),
"ផ្លូវជាតិលេខ៤ក្នុងស្រុកព្រៃនប់ ខេត្តព្រះសីហនុ": ("18","1802",""),
"រូបថតដ្រូន ក្រុងកំពង់ចាម": ("03","0305",""),
"ទឹកធ្លាក់តាំងយូភ្នំត្បែង": ("13","",""),
"di Poipet, Provinsi Banteay Meanchey, Kamboja": ("01","0110",""),
"Kota Sihanoukville, kota pelabuhan yang berada di bagian selatan Kamboja": ("18","1801",""),
"distrik Chinatown Sihanoukville": ("18","1801",""),
"Kepolisian Sihanoukvile Kamboja": ("18","1801",""),
"Provinsi Oddar Meanchey dan Provinsi Preah Vihear": ("22;13","",""),
"kamp penipuan online di Chrey Thum, Provinsi Kandal, Kamboja": ("08","0812","081205"),
"the O’Yadaw district’s Paknhai commune": ("16","1607","160703"),
"A7 Casino, a 22-building park in Cambodia’s Svay Rieng province": ("20","",""),
"the remote Bavet city compound": ("20","2008",""),
"A7 Park, or Van Chheung Casino": ("20","",""),
"a casino in the southwest coastal city of Sihanoukville": ("18","1801",""),
"the building on Ocheatel Beach": ("18","1801","180104"),
"Kandal Stung district’s Kandork commune": ("08","0801","080107"),
"Takhmao town": ("08","0811",""),
"the former Paradis Island Casino": ("18","",""),
"a Cambodian casino in the border town of Poipet": ("01","0110",""),
"a three-storey building in Banteay Meanchey province, located opposite Thailand's Aranyaprathet district": ("01","",""),
"one site on a hill in O’Smach, at the border with Thailand": ("22","2204","220405"),
"a border town in Oddar Meanchey province": ("22","",""),
"ทลายแก๊งคอลเซ็นเตอร์ในจังหวัดเสียมราฐ": ("17","",""),
"พื้นที่ “โอร์เสม็ด” ฝั่งกัมพูชา": ("22","2204","220405"),
"ผู้ว่าฯ สระแก้ว-บันเตียเมียน": ("01","",""),
"un vaste complexe de la province de Kampot, près de la frontière vietnamienne": ("07","",""),
"la region de Bokosan": ("07","0709",""),
"ce site, connu sous le nom de Royal Hill": ("22","2204","220405"),
"el casino Rich World en la provincia de Kandal": ("08","",""),
"entre la provincia vietnamita de An Giang y la provincia camboyana de Takeo": ("21","",""),
"la ciudad costera camboyana de Sihanoukville": ("18","1801",""),
"la localidad de O’Smach, fronteriza con Tailandia en el norte": ("22","2204","220405"),
"Nom Pen, la capital de Camboya": ("12","",""),
"in der Stadt Poipet nahe der Grenze zu Thailand": ("01","0110",""),
"Die Behörden in der Küstenstadt Sihanoukville": ("18","1801",""),
"die Umwandlung der Provinz Preah Sihanouk": ("18","",""),
"einem Labor in Kampong Speu": ("05","",""),
"Rechts von Poipets prächtigem Grenztor": ("01","0110",""),
"the Taizi compound in Takeo Province, around 40 kilometres south of Phnom Penh": ("21","",""),
"a scam complex in Cambodia's Tbong Khmum province": ("25","",""),
"a large building built near Tbong Khmum province’s border with Vietnam": ("25","",""),
"Kandal’s newly-minted border city of Sampov Poun": ("08","0812",""),
"the massive Golden Fortune Resorts World Casino complex": ("08","0812",""),
"O’SMACH, Cambodia": ("22","2204","220405"),
"柬埔寨西南沿海施亞努省首府的施亞努市": ("18","1801",""),
"柬埔寨茶膠省詐騙園的一處建築": ("21","",""),
"柬埔寨金邊酒店裝修": ("12","",""),
"柬埔寨西港全名為西哈努克港": ("18","1801",""),
}
rows = list(csv.DictReader(open('fresh_raw2.tsv'), delimiter='\t'))
out = []
for r in rows:
    q = r['query']
    if r['category'] == 'foreign':
        p, d, c = '', '', ''
    else:
        p, d, c = G[q]
    multi = ';' in p
    out.append({
        'query': q, 'language': r['language'], 'category': r['category'],
        'gold_province_code': '' if multi else p, 'gold_district_code': d, 'gold_commune_code': c,
        'gold_places': p, 'evidence_quote': r['evidence'], 'source_url': r['url'],
    })
missing = [r['query'] for r in rows if r['category'] != 'foreign' and r['query'] not in G]
assert not missing, missing
w = csv.DictWriter(open('/work/wt-geo/tests/data/geocode_fresh.csv', 'w', newline=''), fieldnames=list(out[0]))
w.writeheader(); w.writerows(out)
import collections
print(len(out), collections.Counter(o['category'] for o in out))
