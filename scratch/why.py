import sys
from compoundmap.geocode.spot import spot
from compoundmap.geocode.resolve import reduce, _pick_anchor, consistent
from compoundmap.geocode.context import parse_context
from compoundmap.geocode.confidence import doubts
for q in sys.argv[1:]:
    ms=spot(q); ctx=parse_context(None,None)
    ch=reduce(ms,ctx)
    ch=[c for c in ch if c.entries[0].kind!='country']
    print(q)
    for c in ch: print('   ',c.mention.text,c.mention.method,'loose' if c.mention.loose else '',[(e.name,e.kind,e.code) for e in c.entries][:3])
    rem=list(ch)
    while rem:
        a,c=_pick_anchor(rem); cl=[o for o in rem if any(consistent(a,f) for f in o.entries)]
        print('  anchor',a.name,a.code,doubts(a,c,cl,ctx,ch))
        rem=[o for o in rem if o not in cl]
