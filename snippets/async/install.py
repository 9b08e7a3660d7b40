from importlib.metadata import requires, version

print(f"{version('sqlalchemy')=}")
#> version('sqlalchemy')='2.1.9'
extras = [
    r
    for r in requires("sqlalchemy")
    if r.startswith("greenlet") or r.endswith('extra == "aiosqlite"')
]
print(f"{extras=}")
'''
extras=['greenlet>=1; extra == "asyncio"', 'sqlalchemy[asyncio]; extra == "aiosqlite"', 'aiosqlite; extra == "aiosqlite"']
'''
print(f"{version('greenlet')=} {version('aiosqlite')=}")
#> version('greenlet')='3.5.6' version('aiosqlite')='0.22.1'
