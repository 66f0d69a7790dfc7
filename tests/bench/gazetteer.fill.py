#!/usr/bin/python3
"""Fills config/taxonomy.yaml's gazetteer from Debian's iso-codes (apt-get install -y iso-codes python3-yaml):
(1) every curated country gets its ISO 3166-1 name in each of the set's twelve languages it lacks (Hindi, Russian,
traditional Chinese, Portuguese and Italian were missing for the countries curated before gazetteer.iso-codes.py);
(2) the sovereign states with no entry get one (names only). The same review rules as gazetteer.iso-codes.py: short
forms, short CJK names only where unambiguous, names that are common words or another country's term dropped.
Rewrites the file in place, touching only `names:` lines and appending new entries before `models:`.
Usage: /usr/bin/python3 tests/bench/gazetteer.fill.py [config/taxonomy.yaml]"""
import gettext, json, re, sys, unicodedata
import yaml

path = sys.argv[1] if len(sys.argv) > 1 else 'config/taxonomy.yaml'
data = {x['alpha_2']: x for x in json.load(open('/usr/share/iso-codes/json/iso_3166-1.json'))['3166-1']}
langs = ['fr', 'de', 'es', 'it', 'pt', 'ja', 'ko', 'zh_CN', 'zh_TW', 'ar', 'hi', 'ru']
tr = {l: gettext.translation('iso_3166-1', '/usr/share/locale', languages=[l], fallback=True) for l in langs}
tax = yaml.load(open(path, encoding='utf-8'), Loader=yaml.BaseLoader)['countries']

# Sovereign states (UN members and observers) with no entry yet; territories are left out (Réunion, Jersey and
# Guam are words or places elsewhere).
new = "AD AG BB BI BS BZ CD CF CG DM ER GD GQ GY HT KI KM KN LC LS MH FM NR PW SB SC SM SR ST SZ TL TO TV VA VC VU WS".split()
# Hand-written forms where the ISO name is formal, ambiguous or split between two states (the two Congos).
manual = {
    'CD': ['Democratic Republic of the Congo', 'DR Congo', 'DRC', 'République démocratique du Congo', 'RDC', 'RD Congo',
           'Demokratische Republik Kongo', 'República Democrática del Congo', 'RDC', 'Repubblica Democratica del Congo',
           'República Democrática do Congo', 'コンゴ民主共和国', '콩고민주공화국', '刚果民主共和国', '刚果（金）', '剛果民主共和國',
           'جمهورية الكونغو الديمقراطية', 'कांगो लोकतांत्रिक गणराज्य', 'Демократическая Республика Конго', 'Kinshasa', 'congolaise de Kinshasa'],
    'CG': ['Republic of the Congo', 'Congo-Brazzaville', 'République du Congo', 'Congo Brazzaville', 'Republik Kongo',
           'República del Congo', 'Repubblica del Congo', 'República do Congo', 'コンゴ共和国', '콩고 공화국', '刚果共和国',
           '刚果（布）', '剛果共和國', 'جمهورية الكونغو', 'कांगो गणराज्य', 'Республика Конго', 'Brazzaville'],
    'VA': ['Vatican', 'Vatican City', 'Holy See', 'Vaticano', 'Città del Vaticano', 'Stato della Città del Vaticano',
           'Santa Sede', 'Vatikan', 'Heiliger Stuhl', 'Saint-Siège', 'Cité du Vatican', 'Ciudad del Vaticano',
           'バチカン', '교황청', '바티칸', '梵蒂冈', '梵蒂岡', '教廷', 'الفاتيكان', 'الكرسي الرسولي', 'वेटिकन', 'Ватикан', 'Святой Престол'],
    'ST': ['São Tomé and Príncipe', 'Sao Tome and Principe', 'São Tomé e Príncipe', 'Sao Tomé-et-Principe', 'São Tomé-et-Príncipe',
           'Santo Tomé y Príncipe', 'São Tomé und Príncipe', 'サントメ・プリンシペ', '상투메 프린시페', '圣多美和普林西比', '聖多美普林西比',
           'ساو تومي وبرينسيب', 'साओ तोमे और प्रिन्सिपी', 'Сан-Томе и Принсипи', 'santomense*', 'são-tomense*'],
    'FM': ['Micronesia', 'Micronésie', 'Mikronesien', 'ミクロネシア連邦', 'Микронезия'],
    'TL': ['Timor-Leste', 'East Timor', 'Timor oriental', 'Osttimor', 'Timor Oriental', 'Timor Est', 'Timor-Leste', '東ティモール', '동티모르', '东帝汶', '東帝汶', 'تيمور الشرقية', 'Восточный Тимор'],
    'SZ': ['Eswatini', 'Swaziland', 'Eswatini', 'エスワティニ', '에스와티니', '斯威士兰', 'إسواتيني', 'Эсватини'],
}
# Names that are words, people or places elsewhere.
drop = {'Dominique', 'Dominica', 'Dominika', 'Domínica', 'Dominique', 'Guyane', 'Samoa', 'Tonga', 'Niue', 'Palau', 'Kiribati',
        'Grenade', 'Granada', 'Grenada', 'Georgia', 'Géorgie', 'Geórgia', 'Jordan', 'Chad', 'Niger', 'Salvador', 'Maurice',
        'Mauricio', 'Maurizio', 'Того', 'Чад', 'مالي', 'गिनी', 'Guinea', 'Guinée', 'Congo', 'Kongo', 'Конго', 'コンゴ',
        '刚果', '剛果', 'الكونغو', 'कांगो', '콩고', 'Turquía', 'Lesotho', 'Corée', 'Corea', 'Coreia', 'कोरिया', 'Lao',
        'Salomon', 'Guiana', 'ドミニカ', '多米尼克', 'Malte', 'Gana', 'كوريا', 'بالاو', 'Cina'}
cjk_ok2 = {'古巴', '也门', '也門', '老挝', '寮國', '缅甸', '緬甸', '文莱', '汶萊', '乍得', '加蓬', '贝宁', '貝南', '不丹', '斐济', '斐濟',
           '쿠바', '예멘', '부탄', '가봉', '베냉', '차드', '泰国', '泰國', '法国', '法國', '德国', '德國', '英国', '美国', '韩国', '韓國', '俄罗斯',
           '印度', '日本', '中国', '中國', '越南', '埃及'}

def fold(s):
    s = unicodedata.normalize('NFKD', s.casefold())
    return ''.join(c for c in s if not unicodedata.combining(c)).replace('-', ' ').replace('’', "'")

def clean(n):
    n = re.split('[,،]', n)[0].strip()
    return re.sub(r'\s*\(.*?\)\s*', '', n).strip()

def cjk(n):
    return re.search(r'[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]', n) is not None

owner = {}
for code, e in tax.items():
    for key, vals in e.items():
        for v in vals if isinstance(vals, list) else []:
            owner.setdefault(fold(v.lstrip('=').rstrip('*')), set()).add(code)

def candidates(code):
    c = data[code]
    if code in manual:
        return manual[code]
    names = [c.get('common_name') or clean(c['name'])]
    for l in langs:
        n = clean(tr[l].gettext(c['name']))
        if n and not (n == c['name'] and l not in ('fr', 'de', 'es', 'it', 'pt')):
            names.append(n)
    return names

def acceptable(code, n):
    f = fold(n)
    if n in drop or len(f) < 3 or (cjk(n) and len(n) < 3 and n not in cjk_ok2):
        return False
    others = owner.get(f, set()) - {code}
    return not others

additions, entries = {}, []
for code in tax:
    if code not in data:
        continue
    have = {fold(v.lstrip('=').rstrip('*')) for vals in tax[code].values() if isinstance(vals, list) for v in vals}
    add = []
    for n in candidates(code):
        if fold(n) not in have and acceptable(code, n):
            add.append(n)
            have.add(fold(n))
    if add:
        additions[code] = add
for code in new:
    if code in tax:
        continue
    seen, names = set(), []
    for n in candidates(code):
        if fold(n) not in seen and acceptable(code, n):
            names.append(n)
            seen.add(fold(n))
    if names:
        entries.append((code, names))

def flow(items):
    return '[' + ', '.join(("'" + i.replace("'", "''") + "'") if re.search(r"[,:\[\]{}#&*!|>'\"%@`]", i) or i.startswith(('-', '?')) else i
                           for i in items) + ']'

lines = open(path, encoding='utf-8').read().split('\n')
out, current, in_countries = [], None, False
for line in lines:
    if line.startswith('countries:'):
        in_countries = True
    elif in_countries and re.match(r'^[a-z_]+:', line):
        if line.startswith('models:') and entries:
            out.append('  # Sovereign states added by tests/bench/gazetteer.fill.py (names only)')
            for code, names in entries:
                out.append(f'  {code}:')
                out.append(f'    names: {flow(names)}')
            out.append('')
        in_countries = False
    m = re.match(r'^  ([A-Z]{2,3}):\s*$', line)
    if in_countries and m:
        current = m.group(1)
    if in_countries and current in additions and re.match(r'^    names: \[.*\]\s*$', line):
        line = line.rstrip()[:-1] + ', ' + flow(additions.pop(current))[1:]
    out.append(line)
for code, add in additions.items():  # entries without a names line
    print(f'warning: {code} has no names line; not added: {add}', file=sys.stderr)
open(path, 'w', encoding='utf-8').write('\n'.join(out))
print(f'{sum(1 for _ in entries)} entries added', file=sys.stderr)
