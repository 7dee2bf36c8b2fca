"""guess client: sends typed guesses, prints the server's hints (TCP).

Read guess/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import os
import socket
import sys

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5002))


def main():
    # TODO 1: connect to (HOST, PORT)
    # TODO 2: loop: input() a guess, send it as typed with "\n", read the reply up to "\n", print it
    # TODO 3: after CORRECT, close the socket and end at once (no more input())
    # TODO 4: end of input (EOFError) or the server closing: close the socket, exit with code 0
    sys.exit("guess/client.py is not written yet: follow its TODOs and guess/PROTOCOL.md")


if __name__ == "__main__":
    main()
