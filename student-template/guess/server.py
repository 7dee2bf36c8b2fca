"""guess server: a number guessing game, one game per connection (TCP).

Read guess/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import os
import random
import socket
import sys
import threading

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5002))


def play(conn):
    # TODO 3: pick this game's secret here: random.randint(1, 100)
    # TODO 4: loop: read one guess line (buffer until "\n"); answer HIGHER, LOWER, CORRECT or ERROR ..., each with "\n"
    # TODO 5: after CORRECT close the connection; a player who leaves or resets ends only this game
    pass


def main():
    # TODO 1: bind to (HOST, PORT) and listen
    # TODO 2: loop: accept a player and start play(conn) in a thread of its own
    sys.exit("guess/server.py is not written yet: follow its TODOs and guess/PROTOCOL.md")


if __name__ == "__main__":
    main()
