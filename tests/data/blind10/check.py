import json, re, collections
import os; D=os.path.dirname(os.path.abspath(__file__))+'/'
SECT={"core-values","working-hours","confidential-information","private-vs-corporate-accounts","speaking-on-behalf","respectful-communication","discrimination-and-harassment","privacy-of-others","promoting-the-company","social-media-manager","negative-comments-and-crises","consequences","legal-background","intellectual-property","mistakes-and-corrections","account-security"}
RULES={"confidential-information":"high","personal-data":"high","insulting-language":"high","discrimination":"high","profanity":"medium","undisclosed-promotion":"medium","speaking-on-behalf":"medium","sensitive-topic":"medium"}
def rows(n): return [json.loads(l) for l in open(D+n,encoding='utf-8') if l.strip()]
P=rows('posts.jsonl'); Q=rows('questions.jsonl'); F=rows('followups.jsonl')
for p in P:
    assert set(p)=={"text","lang","verdict","rules","kind"}, p
    assert p["lang"] in ("nl","en") and p["text"].strip() and p["kind"]
    assert all(r in RULES for r in p["rules"]) and len(set(p["rules"]))==len(p["rules"])
    sev={RULES[r] for r in p["rules"]}
    exp="block" if "high" in sev else "caution" if sev else "ok"
    assert p["verdict"]==exp, p
for q in Q:
    assert set(q)=={"text","lang","section"} and q["lang"] in ("nl","en")
    assert q["section"] is None or q["section"] in SECT, q
for f in F:
    assert set(f)=={"turns","lang","section"} and len(f["turns"])==2 and all(set(t)=={"text"} for t in f["turns"])
    assert f["section"] is None or f["section"] in SECT
# checksum sanity on BSN / IBAN in posts
def bsn_ok(s): d=list(map(int,s)); return (sum(x*w for x,w in zip(d[:8],range(9,1,-1)))-d[8])%11==0
def iban_ok(s): s=s[4:]+s[:4]; return int(''.join(str(int(c,36)) for c in s))%97==1
for p in P:
    for m in re.findall(r'\bBSN (\d{9})\b',p["text"]): assert bsn_ok(m), m
    for m in re.findall(r'\bNL\d\d[A-Z]{4}\d{10}\b',p["text"]): assert iban_ok(m), m
c=collections.Counter
print("posts",len(P),dict(c(p["lang"] for p in P)))
print("verdicts",{l:dict(c(p["verdict"] for p in P if p["lang"]==l)) for l in ("nl","en")})
rc=c(); 
for p in P:
    for r in p["rules"]: rc[(r,p["lang"])]+=1
for r in RULES: print(f"  {r}: nl={rc[(r,'nl')]} en={rc[(r,'en')]}")
print("questions",len(Q),dict(c(q["lang"] for q in Q)),"null",sum(q["section"] is None for q in Q))
sc=c((q["section"],q["lang"]) for q in Q)
for s in sorted(SECT)+[None]: print(f"  {s}: nl={sc[(s,'nl')]} en={sc[(s,'en')]}")
print("followups",len(F),dict(c(f["lang"] for f in F)))
kc=c((p["kind"].split('-')[0] if not p["kind"].startswith("ok") else "ok",p["lang"]) for p in P)

print("OK")
