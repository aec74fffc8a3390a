"""Splits a chess-miniature OBJ into its two shells, named groups `figure` and `base`.

Used once to make scenes/meshes/fantasy_knight.obj from the shared asset; kept for the record.
The base is the shell whose lowest point is lowest and that is widest at the bottom.
"""
import sys

def main(src, dst):
    verts, faces, other = [], [], []
    for line in open(src):
        if line.startswith('v '):
            verts.append(tuple(map(float, line.split()[1:4])))
        if line.startswith('f '):
            faces.append(line)
        elif not line.startswith(('g ', 'usemtl', 'o ', 'mtllib')):
            other.append(line)
    parent = list(range(len(verts)))
    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a
    face_idx = []
    for f in faces:
        idx = [int(tok.split('/')[0]) - 1 for tok in f.split()[1:]]
        face_idx.append(idx)
        for i in idx[1:]:
            ra, rb = find(idx[0]), find(i)
            if ra != rb:
                parent[ra] = rb
    comps = {}
    for fi, idx in enumerate(face_idx):
        comps.setdefault(find(idx[0]), []).append(fi)
    def span(c):
        ys = [verts[i][1] for fi in comps[c] for i in face_idx[fi]]
        return max(ys) - min(ys)
    # The base is the flattest large shell; everything else is the figure.
    base = min(comps, key=span)
    with open(dst, 'w') as out:
        out.writelines(other)
        for name, keep in (('figure', lambda c: c != base), ('base', lambda c: c == base)):
            out.write(f'g {name}\n')
            for c in comps:
                if keep(c):
                    out.writelines(faces[fi] for fi in comps[c])
    print({('base' if c == base else 'figure'): (len(comps[c]), round(span(c), 2)) for c in comps})

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
