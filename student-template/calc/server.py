"""calc server: computes "2 + 3" style expressions, one a line (TCP).

Read calc/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import os
import re
import socket
import sys

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5005))


def calculate(line):
    # TODO 2: parse NUMBER OP NUMBER (never eval()!) and return the reply text:
    #         the result, "ERROR division by zero" or "ERROR bad expression"
    return "ERROR not written yet"


def main():
    # TODO 1: bind to (HOST, PORT), listen, and accept clients one after another
    # TODO 3: per client: collect bytes, answer every complete line with calculate(line) + "\n"
    # TODO 4: when recv() returns b"" (or raises OSError) close that connection and accept the next
    sys.exit("calc/server.py is not written yet: follow its TODOs and calc/PROTOCOL.md")


if __name__ == "__main__":
    main()
