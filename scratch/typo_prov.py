import random, sys
from compoundmap import geocode, get_gazetteer
g=get_gazetteer(); u=g.units
lvl=int(sys.argv[1]) if len(sys.argv)>1 else 1
provs=u[u.level==lvl]
rng=random.Random(3)
bad=[];n=0;right=0;
for code,name in zip(provs.code,provs.name_en):
    if len(name)<6: continue
    for _ in range(60 if lvl==1 else 4):
        s=list(name)
        for _ in range(2):
            i=rng.randrange(1,len(s)-1); op=rng.randrange(3)
            if op==0: del s[i]
            elif op==1 and i+1<len(s): s[i],s[i+1]=s[i+1],s[i]
            else: s[i]=rng.choice('aeioukngh')
        q=''.join(s); n+=1
        r=geocode(q)
        right+= (r.province_code==code[:2]) and (lvl==1 or r.district_code==code)
        if r.status=='matched' and r.province_code!=code[:2]:
            bad.append((q,name,r.province_code,r.district_code,r.commune_code,r.precision,r.score,r.method,r.matched_name))
print('wrong province',len(bad),'right',right,'of',n)
for b in bad[:int(sys.argv[2]) if len(sys.argv)>2 else 20]: print(b)
