"""Assessment kit: question banks beside each module, their checks, pre/post forms per track,
result codes learners hand in, scoring, classical test statistics, reports and exports to the
quiz formats of learning platforms. No site code: the site renders what this package returns.
"""
