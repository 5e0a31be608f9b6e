import re,sys
def fails(f):
    return set(re.findall(r'^✗ (\[[^\]]+\])', open(f).read(), re.M))
a=fails(sys.argv[1]); b=fails(sys.argv[2])
print('fixed',len(a-b),'broken',len(b-a), 'total fails', len(b))
t=open(sys.argv[2]).read().split('\n')
for x in sorted(b-a):
    for i,l in enumerate(t):
        if l.startswith('✗ '+x): print('BROKE',l[:160]); print('   ',t[i+1][:200])
