#!/usr/bin/python3
"""Prints gazetteer `names` entries (YAML) for countries with no curated entry in config/taxonomy.yaml, from Debian's
iso-codes translations of ISO 3166-1 (apt-get install -y iso-codes python3-yaml), with the hand review applied: short
forms for formal names, ambiguous names dropped (people, common words), short CJK names only where unambiguous. Used once
on 2026-11-28 to write the block marked "Names only" in taxonomy.yaml; not part of CI.
Usage: /usr/bin/python3 tests/bench/gazetteer.iso-codes.py [config/taxonomy.yaml] > names.yaml"""
import gettext, json, re, sys
import yaml

data=json.load(open('/usr/share/iso-codes/json/iso_3166-1.json'))['3166-1']
by={x['alpha_2']:x for x in data}
langs=['fr','de','es','it','pt','ja','ko','zh_CN','zh_TW','ar','hi','ru']
tr={l:gettext.translation('iso_3166-1', '/usr/share/locale', languages=[l], fallback=True) for l in langs}
tax=yaml.load(open(sys.argv[1] if len(sys.argv) > 1 else 'config/taxonomy.yaml'), Loader=yaml.BaseLoader)
have=set(tax['countries'].keys())
want="SS DZ TN LY MR SN CI CM BJ TG ET TZ UG ZM ZW MZ AO NA BW MU SD TD NE ML BF GA MG SO DJ LR SL GM GN CV MW CR PA DO UY EC BO PY GT HN SV NI CU VE JM TT LB SY YE PS MN KH LA MM NP BT MV UZ KG TJ TM AZ GE AM AF BN NO BY MD AL MK BA ME LI MC FJ PG".split()
skip_names={('GE','en'),('GE','ja'),('TD','en'),('ML','hi'),('MN','zh_CN'),('MN','zh_TW'),('ML','ja'),('ML','ko'),('TG','ko'),('SD','ko'),('SD','zh_CN'),('SD','zh_TW'),('GN','ko'),('ML','zh_CN'),('ML','zh_TW'),('TG','zh_CN'),('TG','zh_TW'),('NE','en'),('JM','ko')}
cjk_ok2={'古巴','也门','也門','老挝','寮國','缅甸','緬甸','文莱','汶萊','乍得','加蓬','贝宁','貝南','不丹','斐济','斐濟','쿠바','예멘','부탄','피지','가봉','베냉','차드'}
override={'LA':{'en':'Laos','fr':'Laos','de':'Laos','es':'Laos','it':'Laos','pt':'Laos'},'SY':{'en':'Syria','fr':'Syrie','de':'Syrien','es':'Siria','it':'Siria','pt':'Síria'},
 'BO':{'en':'Bolivia'},'VE':{'en':'Venezuela'},'TZ':{'en':'Tanzania','fr':'Tanzanie','de':'Tansania','es':'Tanzania'},'MD':{'en':'Moldova','fr':'Moldavie','de':'Moldau','es':'Moldavia'},
 'PS':{'en':'Palestine','fr':'Palestine','de':'Palästina','es':'Palestina','it':'Palestina','pt':'Palestina'},'TN':{'es':'Túnez'},'DZ':{'es':'Argelia'},'CI':{'en':"Côte d'Ivoire",'fr':"Côte d'Ivoire"},
 'MK':{'en':'North Macedonia','fr':'Macédoine du Nord','de':'Nordmazedonien','es':'Macedonia del Norte'},'CV':{'en':'Cabo Verde'},'TR':{}}
extra_en={'CI':['Ivory Coast'],'MM':['Burma'],'CV':['Cape Verde']}
def clean(n):
    n=n.split(',')[0].strip()
    n=re.sub(r'\s*\(.*?\)\s*','',n).strip()
    return n
out=[]
for code in want:
    if code in have: continue
    c=by[code]
    names=[]
    en=override.get(code,{}).get('en') or c.get('common_name') or clean(c['name'])
    if (code,'en') not in skip_names: names.append(en)
    names+=extra_en.get(code,[])
    for l in langs:
        if (code,l) in skip_names: continue
        n=override.get(code,{}).get(l) or clean(tr[l].gettext(c['name']))
        if not n or n==c['name'] and l not in ('fr','de','es','it','pt'): continue
        if re.search(r'[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]', n) and len(n)<3 and n not in cjk_ok2: continue
        names.append(n)
    seen=[]; 
    for n in names:
        if n not in seen: seen.append(n)
    out.append((code,seen))
manual={
 'BO':['Bolivia','Bolivie','Bolivien','Bolívia','ボリビア','볼리비아','玻利维亚','玻利維亞','بوليفيا','बोलिविया','Боливия'],
 'VE':['Venezuela','Vénézuela','ベネズエラ','베네수엘라','委内瑞拉','委內瑞拉','فنزويلا','वेनेज़ुएला','Венесуэла'],
 'SY':['Syria','Syrie','Syrien','Siria','Síria','シリア','시리아','叙利亚','敘利亞','سوريا','सीरिया','Сирия'],
 'LA':['Laos','ラオス','라오스','老挝','寮國','لاوس','लाओस','Лаос'],
 'MD':['Moldova','Moldavie','Moldau','Moldavia','Moldávia','モルドバ','몰도바','摩尔多瓦','摩爾多瓦','مولدوفا','मोल्डोवा','Молдова'],
 'BN':['Brunei','ブルネイ','브루나이','文莱','汶萊','بروناي','ब्रुनेई','Бруней'],
 'TZ':['Tanzania','Tanzanie','Tansania','Tanzânia','タンザニア','탄자니아','坦桑尼亚','坦尚尼亞','تنزانيا','तंज़ानिया','Танзания'],
 'MN':['Mongolia','Mongolie','Mongolei','Mongólia','モンゴル','몽골','منغوليا','मंगोलिया','Монголия'],
 'GE':['Géorgie','Georgien','Geórgia','格鲁吉亚','Грузия'],
 'DO':['Dominican Republic','République dominicaine','Dominikanische Republik','República Dominicana','Repubblica Dominicana','ドミニカ共和国','도미니카 공화국','多米尼加共和国','多明尼加共和國','الدومينيكان','डोमिनिकन गणराज्य','Доминиканская Республика'],
}
drop={'Maurice','Maurizio','Mauricio','Chad','Niger','Salvador','Того','Чад','مالي','柬埔塞','Costa de Marfíl','タニザニア連合共和国','피지','加蓬','गिनी','萨尔瓦多','薩爾瓦多','Сальвадор','獅子山','بنين','Géorgie','Geórgia','부탄','بوتان','Бутан'}
fix={'CI':['Costa de Marfil']}
out=[(c,[n for n in (manual.get(c) or names) if n not in drop]+fix.get(c,[])) for c,names in out]
for code,names in out:
    q=lambda s: ("'"+s.replace("'","''")+"'") if re.search(r"[:'\[\],{}#&*!|>%@`]", s) else s
    print(f"  {code}:\n    names: [{', '.join(q(n) for n in names)}]")
print(len(out), file=sys.stderr)
