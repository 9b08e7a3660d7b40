"""Developer commands (``python -m sessionguide <command>``, ``cli``): imported by nothing else.

- ``cli``: the command line, one registered function per command.
- ``bench``: ``make bench``. ``matrix``: ``make matrix``. ``zensical_check``: ``make
  zensical-check``. ``translations``: ``make translations``' report.
"""
