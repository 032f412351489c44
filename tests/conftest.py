import os

# Without a display Qt aborts with exit 134 and pytest swallows the message.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
