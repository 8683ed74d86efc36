"""Status updates from chat: the contract the dialogs and cards use (`contract`), saving a
status exactly once and never over one the author did not see (`status_updates`), and who
may edit (`editors`).

May import: core, understanding, answers, notify.
"""
