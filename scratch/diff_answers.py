import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
ch = [k for k in a if a[k] != b.get(k)]
print(len(ch), "answers changed of", len(a))
if "-v" in sys.argv:
    for k in ch: print(k[:90], "|", a[k], "->", b.get(k))
