"""calc client: sends the expressions typed on its input, prints each answer (TCP).

Read calc/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import os
import socket
import sys

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5005))


def main():
    # TODO 1: connect to (HOST, PORT); no server (OSError): print one line, sys.exit(1)
    # TODO 2: loop: read a line with input(); stop at EOFError
    # TODO 3: send it with "\n", read the reply up to its newline, print it
    # TODO 4: at the end of input close the socket; the exit code is 0
    sys.exit("calc/client.py is not written yet: follow its TODOs and calc/PROTOCOL.md")


if __name__ == "__main__":
    main()
