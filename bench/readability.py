#!/usr/bin/env python3
# Readability of the starter content: Flesch-Douma (206.835 - 0.93 * words/sentence - 77 * syllables/word), words per
# sentence and sentences over 20 words, for the national FAQ and the glossary definitions, at any revisions.
# Usage: python3 bench/readability.py 13dda91 WORK   (WORK = the working tree); run from the repository root.
import json,re,sys,collections,subprocess
def load(rev,path):
    # The shipped content moved from Information/Starter to Seeding/Starter; older revisions have the old place.
    for p in (path, path.replace('Information/Starter/','Seeding/Starter/'), path.replace('Seeding/Starter/','Information/Starter/')):
        try:
            if rev=='WORK': return json.load(open('./'+p))
            return json.loads(subprocess.check_output(['git','show',f'{rev}:{p}'],stderr=subprocess.DEVNULL))
        except (FileNotFoundError, subprocess.CalledProcessError):
            continue
    raise FileNotFoundError(path)
def plain(t):
    t=re.sub(r'\*\*|__|`','',t); t=re.sub(r'^\s*[-*]\s+','',t,flags=re.M); t=re.sub(r'\[([^\]]*)\]\([^)]*\)',r'\1',t)
    return t
V='aeiouyáéíóúàèëïöüâêîôû'
def syl(w):
    w=w.lower(); g=re.findall(f'[{V}]+',w); return max(1,len(g))
def stats(texts):
    words=0;sents=0;syls=0;long=0
    for t in texts:
        t=plain(t)
        # sentences: split on . ? ! : and list lines
        parts=[p for p in re.split(r'[.?!]+\s+|[.?!]+$|\n+',t) if re.search(r'\w',p)]
        for p in parts:
            ws=re.findall(r"[A-Za-zÀ-ÿ0-9'-]+",p)
            if not ws: continue
            sents+=1; words+=len(ws); syls+=sum(syl(w) for w in ws)
            if len(ws)>20: long+=1
    fd=206.835-0.93*(words/sents)-77*(syls/words)
    return fd,words/sents,long,sents
for rev in sys.argv[1:]:
    faq=load(rev,'src/Steunpunt/Seeding/Starter/national-faq.json')
    g=load(rev,'src/Steunpunt/Seeding/Starter/glossary.json')
    fd,wps,long,s=stats([' \n'.join([x['question'],x['answer'],x['explanation'],x['todo'],x['who']]) for x in faq])
    gfd,gwps,glong,gs=stats([x['definition'] for x in g])
    print(f"{rev}: {len(faq)} items ({collections.Counter(x['audience'] for x in faq)}), Flesch-Douma {fd:.1f}, {wps:.1f} words/sentence, {long}/{s} sentences >20 words; glossary {len(g)} terms, definitions FD {gfd:.1f}, {gwps:.1f} w/s, {glong} >20")
    if rev=='WORK':
        c=collections.Counter((x['theme'],x['audience']) for x in faq)
        themes={t['code']:t['name'] for t in load(rev,'src/Steunpunt/Seeding/Starter/themes.json')}
        for code in sorted(themes): print(f"  {code} {themes[code]}: ouders {c[(code,'Ouders')]}, jongeren {c[(code,'Jongeren')]}")
