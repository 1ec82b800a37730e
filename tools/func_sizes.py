#!/usr/bin/env python3
"""Lines per module and the longest functions of a package: python tools/func_sizes.py src/bilat/extractor"""
import ast
import sys
from pathlib import Path

root = Path(sys.argv[1] if len(sys.argv) > 1 else "src/bilat/extractor")
rows = []
for p in sorted(root.rglob("*.py")) if root.is_dir() else [root]:
    tree = ast.parse(p.read_text())
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            rows.append((node.end_lineno - node.lineno + 1, f"{p.name}:{node.name}"))
for n, name in sorted(rows, reverse=True)[: int(sys.argv[2]) if len(sys.argv) > 2 else 10]:
    print(f"{n:5d}  {name}")
