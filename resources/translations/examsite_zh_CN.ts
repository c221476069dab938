<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AnswerCard</name>
    <message>
        <source>Answer card</source>
        <translation>答题卡</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已答</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <source>Unanswered</source>
        <translation>未答</translation>
    </message>
    <message>
        <source>Answered {answered} of {total} · flagged {flagged}</source>
        <translation>已答 {answered}/{total} 题 · 标记 {flagged} 题</translation>
    </message>
</context>
<context>
    <name>CameraTile</name>
    <message>
        <source>{camera} · room {room}</source>
        <translation>{camera} · 考场 {room}</translation>
    </message>
    <message>
        <source>REC</source>
        <translation>录像中</translation>
    </message>
    <message>
        <source>Silent since {time}</source>
        <translation>{time} 起无数据</translation>
    </message>
    <message>
        <source>Reconnecting since {time}</source>
        <translation>{time} 起重连中</translation>
    </message>
    <message>
        <source>Stopped since {time}</source>
        <translation>{time} 起已停止</translation>
    </message>
    <message>
        <source>Not recording</source>
        <translation>未录像</translation>
    </message>
    <message>
        <source>{rate} Mbit/s</source>
        <translation>{rate} Mbit/s</translation>
    </message>
    <message>
        <source>gaps {count}</source>
        <translation>中断 {count} 次</translation>
    </message>
    <message>
        <source>last segment {seconds} s ago</source>
        <translation>最新片段 {seconds} 秒前</translation>
    </message>
    <message>
        <source>last segment {minutes} min ago</source>
        <translation>最新片段 {minutes} 分钟前</translation>
    </message>
    <message>
        <source>NOT RECORDING</source>
        <translation>未在录像</translation>
    </message>
    <message>
        <source>since {time}</source>
        <translation>自 {time} 起</translation>
    </message>
    <message>
        <source>NO SIGNAL</source>
        <translation>无信号</translation>
    </message>
    <message>
        <source>CAMERA UNAVAILABLE</source>
        <translation>摄像头不可用</translation>
    </message>
    <message>
        <source>PICTURE LOST</source>
        <translation>画面中断</translation>
    </message>
    <message>
        <source>reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <source>Camera disconnected, reconnecting…</source>
        <translation>摄像头已断开，正在重新连接…</translation>
    </message>
    <message>
        <source>Connecting to the camera…</source>
        <translation>正在连接摄像头…</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>无摄像头</translation>
    </message>
</context>
<context>
    <name>CameraWall</name>
    <message>
        <source>No cameras are registered. The administrator adds them with &quot;examsite video cameras add&quot;.</source>
        <translation>尚未登记摄像头。请考点管理员用“examsite video cameras add”添加。</translation>
    </message>
</context>
<context>
    <name>CameraWallPanel</name>
    <message>
        <source>Camera wall</source>
        <translation>监控墙</translation>
    </message>
    <message>
        <source>All rooms</source>
        <translation>全部考场</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Double-click or Enter: enlarge · Esc: back</source>
        <translation>双击或回车：放大 · Esc：返回</translation>
    </message>
    <message>
        <source>Room {room}</source>
        <translation>考场 {room}</translation>
    </message>
    <message>
        <source>{count} cameras · {recording} recording</source>
        <translation>{count} 路摄像头 · {recording} 路录像中</translation>
    </message>
    <message>
        <source>{count} need attention</source>
        <translation>{count} 路需要关注</translation>
    </message>
    <message>
        <source>page {page} of {pages}</source>
        <translation>第 {page}/{pages} 页</translation>
    </message>
</context>
<context>
    <name>CandidateCard</name>
    <message>
        <source>Roster photo</source>
        <translation>名单照片</translation>
    </message>
    <message>
        <source>Live capture</source>
        <translation>现场抓拍</translation>
    </message>
    <message>
        <source>ID card photo</source>
        <translation>身份证照片</translation>
    </message>
    <message>
        <source>Candidate consents to face verification</source>
        <translation>考生同意人脸核验</translation>
    </message>
    <message>
        <source>Visual check: I compared the face with the photos myself</source>
        <translation>人工核验：本人已亲自比对考生与照片</translation>
    </message>
    <message>
        <source>Admission ticket</source>
        <translation>准考证</translation>
    </message>
    <message>
        <source>ID card</source>
        <translation>身份证</translation>
    </message>
    <message>
        <source>Face</source>
        <translation>人脸比对</translation>
    </message>
    <message>
        <source>No candidate</source>
        <translation>暂无考生</translation>
    </message>
    <message>
        <source>Show the ticket QR, scan it, place the ID card, or search.</source>
        <translation>请出示准考证二维码、扫码、放身份证，或手动查找。</translation>
    </message>
    <message>
        <source>Ticket {ticket} · {gender} · ID {id}</source>
        <translation>准考证 {ticket} · {gender} · 证件号 {id}</translation>
    </message>
    <message>
        <source>{room} · seat {seat}</source>
        <translation>{room} · {seat} 号座</translation>
    </message>
    <message>
        <source>Checked in at {time}</source>
        <translation>已于 {time} 检录</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>No live picture</source>
        <translation>无现场画面</translation>
    </message>
    <message>
        <source>No card read</source>
        <translation>未读身份证</translation>
    </message>
    <message>
        <source>Not read</source>
        <translation>未读卡</translation>
    </message>
    <message>
        <source>Not compared</source>
        <translation>未比对</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <source>matches the roster</source>
        <translation>与名单一致</translation>
    </message>
    <message>
        <source>does NOT match the roster</source>
        <translation>与名单不一致</translation>
    </message>
    <message>
        <source>{name} · {number} · {verdict}</source>
        <translation>{name} · {number} · {verdict}</translation>
    </message>
    <message>
        <source>No photo decoded</source>
        <translation>照片未解码</translation>
    </message>
</context>
<context>
    <name>CandidateRow</name>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>Seat {seat}</source>
        <translation>座位 {seat}</translation>
    </message>
    <message>
        <source>No seat</source>
        <translation>未分座位</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <source>ExamSite · {role} · {site}</source>
        <translation>考点通 · {role} · {site}</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>检录</translation>
    </message>
    <message>
        <source>Theory room</source>
        <translation>理论考场</translation>
    </message>
    <message>
        <source>Exam package</source>
        <translation>考务数据包</translation>
    </message>
    <message>
        <source>Session overview</source>
        <translation>场次总览</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>成绩</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>Camera wall</source>
        <translation>监控墙</translation>
    </message>
    <message>
        <source>Video playback</source>
        <translation>录像回放</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>{name} ({staff_no}) · {role}</source>
        <translation>{name}（{staff_no}）· {role}</translation>
    </message>
    <message>
        <source>Site: {name} ({site_id})</source>
        <translation>考点：{name}（{site_id}）</translation>
    </message>
    <message>
        <source>Database: {url}</source>
        <translation>数据库：{url}</translation>
    </message>
</context>
<context>
    <name>DecisionBar</name>
    <message>
        <source>Admit (Enter)</source>
        <translation>确认入场（Enter）</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Special admission…</source>
        <translation>特殊放行…</translation>
    </message>
</context>
<context>
    <name>DemoControls</name>
    <message>
        <source>Demo: next candidate</source>
        <translation>演示：下一位考生</translation>
    </message>
    <message>
        <source>Demo: place ID card</source>
        <translation>演示：放身份证</translation>
    </message>
    <message>
        <source>In front of the camera: {name}</source>
        <translation>摄像头前：{name}</translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <source>Demo accounts</source>
        <translation>演示账号</translation>
    </message>
    <message>
        <source>Shown only on a demo site. Double-click an account to fill in the form.</source>
        <translation>仅在演示考点显示。双击账号可自动填入登录表单。</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Password / PIN</source>
        <translation>密码 / PIN</translation>
    </message>
    <message>
        <source>{number} · {name}</source>
        <translation>{number} · {name}</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>Camera: connecting…</source>
        <translation>摄像头：正在连接…</translation>
    </message>
    <message>
        <source>Camera: live</source>
        <translation>摄像头：画面正常</translation>
    </message>
    <message>
        <source>Camera: disconnected, reconnecting…</source>
        <translation>摄像头：已断开，正在重新连接…</translation>
    </message>
    <message>
        <source>Camera: stopped</source>
        <translation>摄像头：已停止</translation>
    </message>
    <message>
        <source>ID card reader: connecting…</source>
        <translation>读卡器：正在连接…</translation>
    </message>
    <message>
        <source>ID card reader: ready</source>
        <translation>读卡器：就绪，请放置身份证</translation>
    </message>
    <message>
        <source>ID card reader: card read</source>
        <translation>读卡器：已读取身份证</translation>
    </message>
    <message>
        <source>ID card reader: read failed</source>
        <translation>读卡器：读卡失败</translation>
    </message>
    <message>
        <source>ID card reader: not connected, retrying…</source>
        <translation>读卡器：未连接，正在重试…</translation>
    </message>
    <message>
        <source>ID card reader: stopped</source>
        <translation>读卡器：已停止</translation>
    </message>
    <message>
        <source>{state} ({sentence})</source>
        <translation>{state}（{sentence}）</translation>
    </message>
    <message>
        <source>{name}: {room}, seat {seat}. Check the evidence, then decide.</source>
        <translation>{name}：{room} {seat} 号座。请核验后作出决定。</translation>
    </message>
    <message>
        <source>{name} was refused entry.</source>
        <translation>{name} 已被拒绝入场。</translation>
    </message>
    <message>
        <source>{name} checked in by special admission: {room}, seat {seat}</source>
        <translation>{name} 已特殊放行检录，{room} {seat} 号座</translation>
    </message>
    <message>
        <source>{name} checked in: {room}, seat {seat}</source>
        <translation>{name} 已检录，{room} {seat} 号座</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝入场</translation>
    </message>
    <message>
        <source>Checked in at {time}</source>
        <translation>已于 {time} 检录</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>不通过</translation>
    </message>
    <message>
        <source>Distance {distance} (threshold {threshold}): {verdict}</source>
        <translation>距离 {distance}（阈值 {threshold}）：{verdict}</translation>
    </message>
    <message>
        <source>live picture</source>
        <translation>现场画面</translation>
    </message>
    <message>
        <source>roster photo</source>
        <translation>名单照片</translation>
    </message>
    <message>
        <source>Not compared ({where}): {message} Use the visual check.</source>
        <translation>未比对（{where}）：{message}请人工核验。</translation>
    </message>
    <message>
        <source>Not compared: {message} Use the visual check.</source>
        <translation>未比对：{message}请人工核验。</translation>
    </message>
    <message>
        <source>Refuse entry</source>
        <translation>拒绝入场</translation>
    </message>
    <message>
        <source>Refuse {name} entry to the exam. Why?</source>
        <translation>拒绝 {name} 入场考试，理由是？</translation>
    </message>
    <message>
        <source>Not the person on the roster photo</source>
        <translation>与名单照片不是同一人</translation>
    </message>
    <message>
        <source>The ID card belongs to someone else</source>
        <translation>身份证不是本人的</translation>
    </message>
    <message>
        <source>No valid identity document</source>
        <translation>无有效身份证件</translation>
    </message>
    <message>
        <source>Arrived after the cut-off</source>
        <translation>超过迟到截止时间</translation>
    </message>
    <message>
        <source>The candidate refused the identity check</source>
        <translation>考生拒绝身份核验</translation>
    </message>
    <message>
        <source>Special admission</source>
        <translation>特殊放行</translation>
    </message>
    <message>
        <source>Admit {name} despite: {problems}. The reason is recorded and audited.</source>
        <translation>在以下情况下仍放行 {name}：{problems}。理由将被记录并审计。</translation>
    </message>
    <message>
        <source>nothing flagged</source>
        <translation>无异常</translation>
    </message>
    <message>
        <source>Temporary identity certificate checked</source>
        <translation>已核对临时身份证明</translation>
    </message>
    <message>
        <source>Photo outdated; identity confirmed by visual check</source>
        <translation>照片较旧，已人工核验确认本人</translation>
    </message>
    <message>
        <source>Late because of a traffic accident, with proof</source>
        <translation>因交通事故迟到，持有证明</translation>
    </message>
    <message>
        <source>Ticket reprinted on site; identity checked</source>
        <translation>现场补打准考证，已核验身份</translation>
    </message>
</context>
<context>
    <name>DeskPanel</name>
    <message>
        <source>Retake picture</source>
        <translation>重新抓拍</translation>
    </message>
    <message>
        <source>Check-in desk</source>
        <translation>检录台</translation>
    </message>
    <message>
        <source>Camera: connecting…</source>
        <translation>摄像头：正在连接…</translation>
    </message>
    <message>
        <source>ID card reader: connecting…</source>
        <translation>读卡器：正在连接…</translation>
    </message>
    <message>
        <source>No exam package has been imported on this site yet.</source>
        <translation>本考点尚未导入考务数据包。</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <source>Mark everyone of session {session} who has not checked in as absent?</source>
        <translation>将场次 {session} 中所有未检录的考生标记为缺考？</translation>
    </message>
    <message>
        <source>{count} candidates marked absent.</source>
        <translation>已将 {count} 名考生标记为缺考。</translation>
    </message>
    <message>
        <source>Not scanned</source>
        <translation>未扫描</translation>
    </message>
    <message>
        <source>No live picture</source>
        <translation>无现场画面</translation>
    </message>
    <message>
        <source>The roster photo cannot be displayed.</source>
        <translation>名单照片无法显示。</translation>
    </message>
    <message>
        <source>Not compared: the candidate did not consent. Use the visual check.</source>
        <translation>未比对：考生未同意人脸核验，请人工核验。</translation>
    </message>
    <message>
        <source>No live picture to compare: use the visual check.</source>
        <translation>没有现场画面可供比对，请人工核验。</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>正在比对…</translation>
    </message>
    <message>
        <source>the ticket was refused</source>
        <translation>准考证未通过</translation>
    </message>
    <message>
        <source>the ID card does not match the roster</source>
        <translation>身份证与名单不一致</translation>
    </message>
    <message>
        <source>the face does not match</source>
        <translation>人脸比对不通过</translation>
    </message>
    <message>
        <source>identity not yet checked: tick the visual check or pass the face comparison</source>
        <translation>尚未核验身份：请勾选人工核验或通过人脸比对</translation>
    </message>
    <message>
        <source>This candidate is not waiting for check-in.</source>
        <translation>该考生不在待检录状态。</translation>
    </message>
    <message>
        <source>the late-entry cut-off has passed: only the chief proctor may admit, with a reason</source>
        <translation>已过迟到截止时间：仅主监考可填写理由后特殊放行</translation>
    </message>
    <message>
        <source>the late-entry cut-off has passed: admit only as a special admission, with a reason</source>
        <translation>已过迟到截止时间：只能填写理由后特殊放行</translation>
    </message>
    <message>
        <source>To check: {items}.</source>
        <translation>待处理：{items}。</translation>
    </message>
    <message>
        <source>All checks passed: press Enter to admit.</source>
        <translation>核验全部通过：按 Enter 确认入场。</translation>
    </message>
    <message>
        <source>late arrival</source>
        <translation>迟到</translation>
    </message>
</context>
<context>
    <name>EndingPage</name>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>The proctor has submitted your exam</source>
        <translation>监考员已为你交卷</translation>
    </message>
    <message>
        <source>Time is up</source>
        <translation>考试时间到</translation>
    </message>
    <message>
        <source>Your answers are being submitted automatically. Stay in your seat.</source>
        <translation>正在自动交卷，请留在座位上。</translation>
    </message>
</context>
<context>
    <name>ExamPage</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一题</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一题 ▶</translation>
    </message>
    <message>
        <source>⚑ Flag for review</source>
        <translation>⚑ 标记</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>交卷</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <source>Record an incident</source>
        <translation>记录违纪</translation>
    </message>
    <message>
        <source>Record an incident for {who}.</source>
        <translation>为 {who} 记录违纪情况。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>情况说明</translation>
    </message>
    <message>
        <source>Warning (shown on the candidate&apos;s screen)</source>
        <translation>警告（显示在考生屏幕上）</translation>
    </message>
    <message>
        <source>Void this subject</source>
        <translation>本科目成绩无效</translation>
    </message>
    <message>
        <source>Cheating</source>
        <translation>作弊</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>The candidate is submitted at once and scores nothing in this subject. This cannot be undone.</source>
        <translation>考生将被立即交卷，本科目成绩无效。此操作不能撤销。</translation>
    </message>
    <message>
        <source>The warning is recorded and shown on the candidate&apos;s terminal.</source>
        <translation>警告将被记录，并显示在考生的考试机上。</translation>
    </message>
    <message>
        <source>Confirm and record</source>
        <translation>确认并记录</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <source>Veto item: marked, the whole task scores 0</source>
        <translation>否决项：一经标记，本题记零分</translation>
    </message>
    <message>
        <source>Deduct 0 to {max} points, in steps of {step}</source>
        <translation>扣 0–{max} 分，每档 {step} 分</translation>
    </message>
    <message>
        <source>0 to {max} points, in steps of {step}</source>
        <translation>0–{max} 分，每档 {step} 分</translation>
    </message>
    <message>
        <source>Less</source>
        <translation>减少</translation>
    </message>
    <message>
        <source>More</source>
        <translation>增加</translation>
    </message>
    <message>
        <source>−{points}</source>
        <translation>扣{points}</translation>
    </message>
    <message>
        <source>Deduct {points} more points</source>
        <translation>再扣 {points} 分</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>满分</translation>
    </message>
    <message>
        <source>Full marks for this item</source>
        <translation>本项给满分</translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation>未否决</translation>
    </message>
    <message>
        <source>Vetoed</source>
        <translation>已否决</translation>
    </message>
    <message>
        <source>Veto marked: this task scores 0 whatever else was earned.</source>
        <translation>已标记否决项：无论其他项得分多少，本题记零分。</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>ExamSite exam terminal</source>
        <translation>考点通 考试机</translation>
    </message>
    <message>
        <source>{name} · seat {seat} · {ticket}</source>
        <translation>{name} · {seat} 号座 · {ticket}</translation>
    </message>
    <message>
        <source>Starts at {time}</source>
        <translation>{time} 开考</translation>
    </message>
    <message>
        <source>Paused · {time} left</source>
        <translation>已暂停 · 剩余 {time}</translation>
    </message>
    <message>
        <source>Time left {time}</source>
        <translation>剩余 {time}</translation>
    </message>
    <message>
        <source>Submission opens at {time}.</source>
        <translation>{time} 起可以交卷。</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已交卷</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Theory</source>
        <translation>理论</translation>
    </message>
    <message>
        <source>Practical</source>
        <translation>实操</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Open for check-in</source>
        <translation>检录中</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>考试中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Sealed</source>
        <translation>已封存</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>待检录</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>已检录</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺考</translation>
    </message>
    <message>
        <source>In exam</source>
        <translation>考试中</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已交卷</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
</context>
<context>
    <name>LauncherWindow</name>
    <message>
        <source>ExamSite · {site}</source>
        <translation>考点通 · {site}</translation>
    </message>
    <message>
        <source>Site code {site_id} · ExamSite exam-day console</source>
        <translation>考点代码 {site_id} · 考点通考务管理系统</translation>
    </message>
    <message>
        <source>Import the exam package, manage staff accounts and devices</source>
        <translation>导入考务数据包，管理工作人员账号与设备</translation>
    </message>
    <message>
        <source>Check in candidates, watch the room, record incidents</source>
        <translation>考生检录、考场巡视、记录异常情况</translation>
    </message>
    <message>
        <source>Open and close sessions, sign the room record</source>
        <translation>开考与结束场次，签署考场记录</translation>
    </message>
    <message>
        <source>Score practical tasks independently and sign the score sheet</source>
        <translation>独立评定实操成绩并签署评分表</translation>
    </message>
    <message>
        <source>Review the examiners&apos; scores and settle disagreements</source>
        <translation>复核考评员评分，处理评分分歧</translation>
    </message>
    <message>
        <source>Observe, review the audit trail and countersign the room record</source>
        <translation>巡查督导，查阅留痕记录并会签考场记录</translation>
    </message>
    <message>
        <source>Choose your role for today</source>
        <translation>请选择您今天的考务角色</translation>
    </message>
</context>
<context>
    <name>LeavePage</name>
    <message>
        <source>Close the exam terminal</source>
        <translation>关闭考试机</translation>
    </message>
    <message>
        <source>For the proctor only. Candidates: go back to your exam.</source>
        <translation>仅限监考员操作。考生请返回继续作答。</translation>
    </message>
    <message>
        <source>Proctor code</source>
        <translation>监考员代码</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Close the terminal</source>
        <translation>关闭考试机</translation>
    </message>
    <message>
        <source>That is not the proctor code.</source>
        <translation>监考员代码不正确。</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Choose another role</source>
        <translation>重新选择角色</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Log in as {role}</source>
        <translation>{role}登录</translation>
    </message>
    <message>
        <source>{number} · {name}</source>
        <translation>{number} · {name}</translation>
    </message>
    <message>
        <source>{entry} (no password set)</source>
        <translation>{entry}（未设置密码）</translation>
    </message>
    <message>
        <source>PIN (6 digits)</source>
        <translation>PIN（6 位数字）</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>6-digit PIN</source>
        <translation>6 位数字 PIN</translation>
    </message>
    <message>
        <source>Nobody on this site holds this role.</source>
        <translation>本考点没有担任该角色的工作人员。</translation>
    </message>
    <message>
        <source>Enter your PIN.</source>
        <translation>请输入 PIN。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Examiner station</source>
        <translation>考评员评分终端</translation>
    </message>
    <message>
        <source>Staff number, e.g. KW0101</source>
        <translation>工号，如 KW0101</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>6-digit PIN</source>
        <translation>6 位 PIN 码</translation>
    </message>
    <message>
        <source>Enter your staff number.</source>
        <translation>请输入工号。</translation>
    </message>
    <message>
        <source>The PIN has 6 digits.</source>
        <translation>PIN 码为 6 位数字。</translation>
    </message>
    <message>
        <source>Candidate log-in</source>
        <translation>考生登录</translation>
    </message>
    <message>
        <source>Type the number on your admission ticket and the last 6 characters of your ID number.</source>
        <translation>请输入准考证号和身份证号的后 6 位。</translation>
    </message>
    <message>
        <source>Admission ticket number</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <source>Last 6 of the ID number</source>
        <translation>身份证号后 6 位</translation>
    </message>
    <message>
        <source>Admission ticket</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <source>ID number, last 6</source>
        <translation>身份证号后 6 位</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move to another seat</source>
        <translation>换座</translation>
    </message>
    <message>
        <source>Move {who} to a free seat. Their answers and time stay; they log in again on the new seat&apos;s terminal.</source>
        <translation>将 {who} 调到空闲座位。答案和剩余时间保留；考生在新座位的考试机上重新登录。</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>换座</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Seat {seat}</source>
        <translation>座位 {seat}</translation>
    </message>
    <message>
        <source>New seat</source>
        <translation>新座位</translation>
    </message>
</context>
<context>
    <name>OverviewPanel</name>
    <message>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Time (Beijing)</source>
        <translation>时间（北京时间）</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>考生数</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Sittings placed</source>
        <translation>已安排人次</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>任务数</translation>
    </message>
    <message>
        <source>Password / PIN</source>
        <translation>密码 / PIN</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>考生名单</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Session overview</source>
        <translation>场次总览</translation>
    </message>
    <message>
        <source>Loading the exam plan…</source>
        <translation>正在读取考核计划…</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>PIN set</source>
        <translation>已设置 PIN</translation>
    </message>
    <message>
        <source>Password set</source>
        <translation>已设置密码</translation>
    </message>
    <message>
        <source>No exam package has been imported on this site yet.</source>
        <translation>本考点尚未导入考务数据包。</translation>
    </message>
</context>
<context>
    <name>PackagePanel</name>
    <message>
        <source>Exam package</source>
        <translation>考务数据包</translation>
    </message>
    <message>
        <source>Choose the signed exam package received from the evaluation agency. It is checked before anything is stored; importing is all or nothing.</source>
        <translation>请选择评价机构下发的已签名考务数据包。数据包先经校验再写入；导入要么全部成功，要么不做任何改动。</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Choose the exam package</source>
        <translation>选择考务数据包</translation>
    </message>
    <message>
        <source>Exam packages (*.espkg);;All files (*)</source>
        <translation>考务数据包 (*.espkg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking the signature and every member of the package…</source>
        <translation>正在校验签名及数据包中的每个文件…</translation>
    </message>
    <message>
        <source>The package is genuine, complete and meant for this site.</source>
        <translation>数据包真实、完整，且属于本考点。</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>校验未通过：{reason}</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Imported {package_id}: {candidates} candidates, {staff} staff.</source>
        <translation>已导入 {package_id}：考生 {candidates} 人，工作人员 {staff} 人。</translation>
    </message>
    <message>
        <source>Not imported: {reason}</source>
        <translation>未导入：{reason}</translation>
    </message>
    <message>
        <source>an internal error stopped the import; nothing was stored.</source>
        <translation>内部错误导致导入中止，未写入任何数据。</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Start the room</source>
        <translation>开考</translation>
    </message>
    <message>
        <source>Type the exam password to open the paper and start {room}. Every terminal in the room starts its clock now.</source>
        <translation>输入开考密码以解密试卷并开始 {room} 的考试。考场内所有考试机即刻开始计时。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开考</translation>
    </message>
    <message>
        <source>Exam password</source>
        <translation>开考密码</translation>
    </message>
</context>
<context>
    <name>PhotoDialog</name>
    <message>
        <source>Workpiece photo</source>
        <translation>工件照片</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <source>Choose a picture file…</source>
        <translation>选择图片文件…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>This file is not a picture the station can read.</source>
        <translation>该文件不是本终端可读取的图片。</translation>
    </message>
</context>
<context>
    <name>PlanHeader</name>
    <message>
        <source>Exam plan</source>
        <translation>考核计划</translation>
    </message>
    <message>
        <source>Evaluation agency</source>
        <translation>评价机构</translation>
    </message>
    <message>
        <source>Occupation and level</source>
        <translation>职业（工种）及等级</translation>
    </message>
    <message>
        <source>Exam date</source>
        <translation>考试日期</translation>
    </message>
    <message>
        <source>Exam package</source>
        <translation>考务数据包</translation>
    </message>
    <message>
        <source>Issuer key</source>
        <translation>签发方密钥指纹</translation>
    </message>
    <message>
        <source>{occupation} ({code}) · {level}</source>
        <translation>{occupation}（{code}）· {level}</translation>
    </message>
    <message>
        <source>{date} · {count} candidates</source>
        <translation>{date} · 考生 {count} 人</translation>
    </message>
</context>
<context>
    <name>PlaybackPanel</name>
    <message>
        <source>Playback</source>
        <translation>录像回放</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Choose a recording.</source>
        <translation>请选择一段录像。</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>无画面</translation>
    </message>
    <message>
        <source>Markers</source>
        <translation>事件标记</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>{recorded} recorded {gap} no video {incident} incident {action} operator action</source>
        <translation>{recorded} 已录像&#x3000;{gap} 无录像&#x3000;{incident} 异常事件&#x3000;{action} 人员操作</translation>
    </message>
    <message>
        <source>Checking the recording against its signed manifest…</source>
        <translation>正在按签名清单核验录像…</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>异常事件</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source> (by {who})</source>
        <translation>（{who}）</translation>
    </message>
    <message>
        <source>Press Play or choose a marker</source>
        <translation>请点击“播放”或选择一个事件标记</translation>
    </message>
    <message>
        <source>NOT INTACT — {problem} This video cannot be relied on as evidence.</source>
        <translation>不完整 —— {problem} 此录像不能作为证据使用。</translation>
    </message>
    <message>
        <source>Intact: {segments} segments ({minutes} min), {gaps} gaps, {markers} markers; signed by this site.</source>
        <translation>完整：{segments} 个片段（{minutes} 分钟），{gaps} 处中断，{markers} 个事件标记；由本考点签名。</translation>
    </message>
    <message>
        <source>Sealed.</source>
        <translation>已封存。</translation>
    </message>
    <message>
        <source>Not sealed; the last segment was cut short when the recorder stopped.</source>
        <translation>尚未封存；录像进程停止时最后一个片段被截断。</translation>
    </message>
    <message>
        <source>Not sealed yet.</source>
        <translation>尚未封存。</translation>
    </message>
    <message>
        <source>End of the recording</source>
        <translation>录像已结束</translation>
    </message>
    <message>
        <source>Segment {file} is missing.</source>
        <translation>片段 {file} 缺失。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>{file}, {seconds} s into the segment</source>
        <translation>{file}，片段内第 {seconds} 秒</translation>
    </message>
</context>
<context>
    <name>QuestionView</name>
    <message>
        <source>Single choice</source>
        <translation>单选题</translation>
    </message>
    <message>
        <source>Multiple choice (choose all that apply)</source>
        <translation>多选题（选出全部正确答案）</translation>
    </message>
    <message>
        <source>True or false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <source>Question {number} of {total} · {kind} · {points} pt</source>
        <translation>第 {number} 题 / 共 {total} 题 · {kind} · {points} 分</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Common reasons…</source>
        <translation>常用理由…</translation>
    </message>
    <message>
        <source>Write the reason (it is recorded in the audit trail).</source>
        <translation>请填写理由（将记入审计日志）。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReceiptPage</name>
    <message>
        <source>Your answers have been submitted</source>
        <translation>交卷成功</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Admission ticket</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <source>Submitted at</source>
        <translation>交卷时间</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已答</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>交卷方式</translation>
    </message>
    <message>
        <source>Receipt code</source>
        <translation>交卷回执码</translation>
    </message>
    <message>
        <source>Raise your hand and wait for the proctor before you leave your seat. Do not switch off the terminal.</source>
        <translation>请举手示意，等监考员到场后再离开座位。请勿关闭考试机。</translation>
    </message>
    <message>
        <source>You</source>
        <translation>考生本人交卷</translation>
    </message>
    <message>
        <source>The proctor</source>
        <translation>监考员代为交卷</translation>
    </message>
    <message>
        <source>Automatically at the end of time</source>
        <translation>考试时间结束时自动交卷</translation>
    </message>
    <message>
        <source>{time} (Beijing time)</source>
        <translation>{time}（北京时间）</translation>
    </message>
    <message>
        <source>{answered} of {total} questions</source>
        <translation>{answered}/{total} 题</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>Results</source>
        <translation>成绩</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>封存</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Theory</source>
        <translation>理论</translation>
    </message>
    <message>
        <source>Practical</source>
        <translation>实操</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Compute results</source>
        <translation>计算成绩</translation>
    </message>
    <message>
        <source>Print public list</source>
        <translation>打印成绩公示表</translation>
    </message>
    <message>
        <source>Print room record</source>
        <translation>打印考场记录表</translation>
    </message>
    <message>
        <source>Sign room record</source>
        <translation>签署考场记录表</translation>
    </message>
    <message>
        <source>Seal…</source>
        <translation>封存…</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺考</translation>
    </message>
    <message>
        <source>Violation</source>
        <translation>违纪</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>Not computed yet.</source>
        <translation>尚未计算。</translation>
    </message>
    <message>
        <source>{count} candidates: {passed} passed, {failed} failed, {absent} absent, {violation} violations, {waiting} waiting · computed {time}</source>
        <translation>共 {count} 人：合格 {passed}，不合格 {failed}，缺考 {absent}，违纪 {violation}，待定 {waiting} · 计算于 {time}</translation>
    </message>
    <message>
        <source>Sealed at {time} · document {digest}</source>
        <translation>封存于 {time} · 文件 {digest}</translation>
    </message>
    <message>
        <source>Not sealed: results, answers and score sheets can still change.</source>
        <translation>未封存：成绩、答卷和评分记录仍可变动。</translation>
    </message>
    <message>
        <source>{state} · {acknowledged} of {size} bytes · attempts {attempts}</source>
        <translation>{state} · 已确认 {acknowledged} / {size} 字节 · 尝试 {attempts} 次</translation>
    </message>
    <message>
        <source>Not queued: configure the platform, then the seal is sent.</source>
        <translation>未排队：配置平台后即可上报封存文件。</translation>
    </message>
    <message>
        <source>Sent to the platform after the seal.</source>
        <translation>封存后上报平台。</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>等待重试</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <source>Computed {count} results.</source>
        <translation>已计算 {count} 名考生成绩。</translation>
    </message>
    <message>
        <source>Public list written to {path}</source>
        <translation>成绩公示表已写入 {path}</translation>
    </message>
    <message>
        <source>Room record written to {path}</source>
        <translation>考场情况记录表已写入 {path}</translation>
    </message>
    <message>
        <source>Your password unlocks your own signing key. You sign the record of {room} as it stands now.</source>
        <translation>您的密码将解锁您本人的签名密钥。您签署的是 {room} 当前的考场情况记录。</translation>
    </message>
    <message>
        <source>You signed the room record of {room}.</source>
        <translation>您已签署 {room} 的考场情况记录表。</translation>
    </message>
    <message>
        <source>Seal the plan</source>
        <translation>封存考核计划</translation>
    </message>
    <message>
        <source>After the seal nothing in plan {plan} can change: results, answers, score sheets and room records are frozen and signed, then sent to the platform. Type the plan code to confirm.</source>
        <translation>封存后考核计划 {plan} 的任何内容都不能再修改：成绩、答卷、评分记录和考场记录将被冻结并签名，然后上报平台。请输入考核计划编号以确认。</translation>
    </message>
    <message>
        <source>Sealed: document {digest}.</source>
        <translation>已封存：文件 {digest}。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RoomDialog</name>
    <message>
        <source>Recorded in the audit trail.</source>
        <translation>将记入审计日志。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RoomPanel</name>
    <message>
        <source>Start the room…</source>
        <translation>开考…</translation>
    </message>
    <message>
        <source>Pause…</source>
        <translation>暂停…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续考试</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Choose a seat</source>
        <translation>请选择座位</translation>
    </message>
    <message>
        <source>Change time…</source>
        <translation>调整时间…</translation>
    </message>
    <message>
        <source>Move to another seat…</source>
        <translation>换座…</translation>
    </message>
    <message>
        <source>Record an incident…</source>
        <translation>记录违纪…</translation>
    </message>
    <message>
        <source>Force submission…</source>
        <translation>强制交卷…</translation>
    </message>
    <message>
        <source>No exam plan on this site yet.</source>
        <translation>本考点尚未导入考核计划。</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开考</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>考试中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>No room</source>
        <translation>无考场</translation>
    </message>
    <message>
        <source>planned {time}</source>
        <translation>计划 {time}</translation>
    </message>
    <message>
        <source>started {time}</source>
        <translation>{time} 开考</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>paused {minutes} min in all</source>
        <translation>累计暂停 {minutes} 分钟</translation>
    </message>
    <message>
        <source>Terminal exit code: {code}</source>
        <translation>考试机退出码：{code}</translation>
    </message>
    <message>
        <source>Seated {seated} · checked in {checked_in} · logged in {logged_in} · answering {answering} · submitted {submitted} · offline {offline} · absent {absent}</source>
        <translation>应到 {seated} · 已检录 {checked_in} · 已登录 {logged_in} · 作答中 {answering} · 已交卷 {submitted} · 离线 {offline} · 缺考 {absent}</translation>
    </message>
    <message>
        <source>Seat {seat} is empty</source>
        <translation>{seat} 号座无人</translation>
    </message>
    <message>
        <source>Admission ticket {ticket}</source>
        <translation>准考证号 {ticket}</translation>
    </message>
    <message>
        <source>Ends at {time}</source>
        <translation>{time} 结束</translation>
    </message>
    <message>
        <source>Time changes {minutes} min</source>
        <translation>时间调整 {minutes} 分钟</translation>
    </message>
    <message>
        <source>Offline time credited {seconds} s</source>
        <translation>离线补时 {seconds} 秒</translation>
    </message>
    <message>
        <source>Last contact {time}</source>
        <translation>最近联系 {time}</translation>
    </message>
    <message>
        <source>The room has started.</source>
        <translation>考场已开考。</translation>
    </message>
    <message>
        <source>Pause the room</source>
        <translation>暂停考试</translation>
    </message>
    <message>
        <source>Every terminal in the room stops its clock until you resume.</source>
        <translation>考场内所有考试机停止计时，直到继续考试。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>The room is paused.</source>
        <translation>考试已暂停。</translation>
    </message>
    <message>
        <source>The room has resumed.</source>
        <translation>考试已继续。</translation>
    </message>
    <message>
        <source>Time changed by {minutes} min for {ticket}.</source>
        <translation>已为 {ticket} 调整时间 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>{ticket} moved to seat {seat}.</source>
        <translation>{ticket} 已换到 {seat} 号座。</translation>
    </message>
    <message>
        <source>Force submission</source>
        <translation>强制交卷</translation>
    </message>
    <message>
        <source>Submit the exam of {who} now? Their answers so far become final; this cannot be undone.</source>
        <translation>现在为 {who} 交卷？已作答的答案即为最终答案，此操作不能撤销。</translation>
    </message>
    <message>
        <source>Submit now</source>
        <translation>确认交卷</translation>
    </message>
    <message>
        <source>The exam of {ticket} was submitted.</source>
        <translation>已为 {ticket} 交卷。</translation>
    </message>
    <message>
        <source>Incident recorded for {ticket}.</source>
        <translation>已为 {ticket} 记录违纪情况。</translation>
    </message>
</context>
<context>
    <name>RosterPanel</name>
    <message>
        <source>Admission ticket</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>座位号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Search by admission ticket or name</source>
        <translation>按准考证号或姓名查找</translation>
    </message>
    <message>
        <source>Roster photo</source>
        <translation>名单照片</translation>
    </message>
    <message>
        <source>{shown} of {total} sittings</source>
        <translation>显示 {shown} / 共 {total} 人次</translation>
    </message>
    <message>
        <source>Select a candidate to see the roster photo.</source>
        <translation>选择考生后显示名单照片。</translation>
    </message>
    <message>
        <source>{name}
{ticket}</source>
        <translation>{name}
{ticket}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>The roster photo cannot be displayed.</source>
        <translation>无法显示名单照片。</translation>
    </message>
</context>
<context>
    <name>ScoringPanel</name>
    <message>
        <source>Choose a candidate on the left to start scoring.</source>
        <translation>请在左侧选择考生开始评分。</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Note (optional): what you saw, for the record</source>
        <translation>备注（可选）：记录现场观察情况</translation>
    </message>
    <message>
        <source>Workpiece photo…</source>
        <translation>工件拍照…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Sign…</source>
        <translation>签字…</translation>
    </message>
    <message>
        <source>You score no task for this candidate.</source>
        <translation>您不负责该考生的任何试题。</translation>
    </message>
    <message>
        <source>Seat {seat}</source>
        <translation>座位 {seat}</translation>
    </message>
    <message>
        <source>No seat</source>
        <translation>未分座位</translation>
    </message>
    <message>
        <source>{code} {title} · {minutes} min · {max} points</source>
        <translation>{code} {title} · {minutes} 分钟 · 满分 {max}</translation>
    </message>
    <message>
        <source>Total {total} / {max}</source>
        <translation>合计 {total} / {max}</translation>
    </message>
    <message>
        <source>Veto marked: the task scores 0</source>
        <translation>已否决：本题记零分</translation>
    </message>
    <message>
        <source>Not yet marked: {items}</source>
        <translation>尚未评分：{items}</translation>
    </message>
    <message>
        <source>Every item is marked</source>
        <translation>各项均已评分</translation>
    </message>
    <message>
        <source>Absent: there is nothing to score.</source>
        <translation>缺考：无需评分。</translation>
    </message>
    <message>
        <source>{count} workpiece photos</source>
        <translation>工件照片 {count} 张</translation>
    </message>
    <message>
        <source>{count} changes not yet on the site host</source>
        <translation>{count} 项修改尚未送达考点主机</translation>
    </message>
    <message>
        <source>Correcting version {version}: {reason}</source>
        <translation>正在更正第 {version} 版：{reason}</translation>
    </message>
    <message>
        <source>Signed at {time}, version {version}: the sheet can no longer be changed.</source>
        <translation>已于 {time} 签字（第 {version} 版），评分表不可再修改。</translation>
    </message>
    <message>
        <source>Draft, version {version}</source>
        <translation>草稿（第 {version} 版）</translation>
    </message>
    <message>
        <source>Correction draft, version {version}: {reason}</source>
        <translation>更正草稿（第 {version} 版）：{reason}</translation>
    </message>
    <message>
        <source> · unsaved changes</source>
        <translation> · 有未保存的修改</translation>
    </message>
    <message>
        <source>Not scored yet</source>
        <translation>尚未评分</translation>
    </message>
    <message>
        <source>The other examiners&apos; marks stay hidden until every examiner has signed this candidate&apos;s sheet.</source>
        <translation>在该考生的全部考评员签字之前，其他考评员的评分不予显示。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Correct a signed score sheet</source>
        <translation>更正已签字的评分表</translation>
    </message>
    <message>
        <source>The signed version stays on record. Say why the marks must change; the correction is signed again.</source>
        <translation>已签字的版本将保留在案。请说明需要更改评分的原因；更正后须重新签字。</translation>
    </message>
    <message>
        <source>An item was marked wrongly</source>
        <translation>某项评分有误</translation>
    </message>
    <message>
        <source>An item was left out</source>
        <translation>漏评某项</translation>
    </message>
    <message>
        <source>A deduction was recorded on the wrong item</source>
        <translation>扣分记错了评分项</translation>
    </message>
    <message>
        <source>A correction needs a reason.</source>
        <translation>更正须填写原因。</translation>
    </message>
    <message>
        <source>{name} ({ticket}) · {code} {title}</source>
        <translation>{name}（{ticket}）· {code} {title}</translation>
    </message>
    <message>
        <source>Signed. The sheet is now read-only.</source>
        <translation>已签字，评分表现为只读。</translation>
    </message>
    <message>
        <source>{signed} of {required} examiners have signed. The other examiners&apos; marks stay hidden until all have signed.</source>
        <translation>{required} 名考评员中已有 {signed} 名签字。全部签字前，其他考评员的评分不予显示。</translation>
    </message>
    <message>
        <source>Examiner {number}: {total}</source>
        <translation>考评员 {number}：{total}</translation>
    </message>
    <message>
        <source>Combined result</source>
        <translation>综合成绩</translation>
    </message>
    <message>
        <source>Final score {score}</source>
        <translation>最终成绩 {score}</translation>
    </message>
    <message>
        <source>The examiners disagree beyond the threshold: the examiner lead decides.</source>
        <translation>考评员评分差异超过阈值，由考评组长裁定。</translation>
    </message>
    <message>
        <source>Photo kept with the sheet.</source>
        <translation>照片已随评分表保存。</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Ticket number or name</source>
        <translation>准考证号或姓名</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>{ticket}  {name}  {room} {seat}  {status}</source>
        <translation>{ticket}  {name}  {room} {seat} 号  {status}</translation>
    </message>
    <message>
        <source>Nobody found.</source>
        <translation>未找到考生。</translation>
    </message>
</context>
<context>
    <name>SeatMap</name>
    <message>
        <source>Submitted by the proctor</source>
        <translation>监考员已代为交卷</translation>
    </message>
    <message>
        <source>Submitted at the end of time</source>
        <translation>到时自动交卷</translation>
    </message>
    <message>
        <source>Submitted, subject void</source>
        <translation>已交卷，本科目成绩无效</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已交卷</translation>
    </message>
    <message>
        <source>Answering {answered}/{total}</source>
        <translation>作答中 {answered}/{total}</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>空座</translation>
    </message>
    <message>
        <source>Not checked in</source>
        <translation>未签到</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺考</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>⚠ warning</source>
        <translation>⚠ 警告</translation>
    </message>
    <message>
        <source>✖ cheating</source>
        <translation>✖ 作弊</translation>
    </message>
    <message>
        <source>✖ void</source>
        <translation>✖ 成绩无效</translation>
    </message>
    <message>
        <source>⇆ left the screen</source>
        <translation>⇆ 切屏</translation>
    </message>
    <message>
        <source>⌨ blocked key</source>
        <translation>⌨ 违规按键</translation>
    </message>
    <message>
        <source>▭ screen changed</source>
        <translation>▭ 屏幕变化</translation>
    </message>
    <message>
        <source>↷ moved</source>
        <translation>↷ 换座</translation>
    </message>
    <message>
        <source>± time changed</source>
        <translation>± 时间调整</translation>
    </message>
</context>
<context>
    <name>SessionBar</name>
    <message>
        <source>Mark absentees</source>
        <translation>标记缺考</translation>
    </message>
    <message>
        <source>After the late-entry cut-off: everyone not checked in is absent</source>
        <translation>迟到截止时间过后：所有未检录的考生记为缺考</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>{code} · {title} · {time}</source>
        <translation>{code} · {title} · {time}</translation>
    </message>
    <message>
        <source>Late-entry cut-off {time}</source>
        <translation>迟到截止 {time}</translation>
    </message>
    <message>
        <source>closes in {left}</source>
        <translation>剩余 {left}</translation>
    </message>
    <message>
        <source>cut-off passed</source>
        <translation>已过截止时间</translation>
    </message>
    <message>
        <source>{room}: expected {total} · checked in {arrived} · absent {absent}</source>
        <translation>{room}：应到 {total} · 已检录 {arrived} · 缺考 {absent}</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Sign the score sheet</source>
        <translation>评分表签字</translation>
    </message>
    <message>
        <source>1 / 3  Check your marks</source>
        <translation>1 / 3  核对评分</translation>
    </message>
    <message>
        <source>Vetoed</source>
        <translation>已否决</translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation>未否决</translation>
    </message>
    <message>
        <source>−{points}</source>
        <translation>扣{points}</translation>
    </message>
    <message>
        <source>Total {total} of {max}</source>
        <translation>合计 {total}（满分 {max}）</translation>
    </message>
    <message>
        <source> (vetoed)</source>
        <translation>（已否决）</translation>
    </message>
    <message>
        <source>Once signed, the sheet cannot be changed; a correction needs a reason and is kept beside it.</source>
        <translation>签字后评分表不可修改；如需更正须说明原因，原表一并保留。</translation>
    </message>
    <message>
        <source>Correct, go on to sign</source>
        <translation>核对无误，去签字</translation>
    </message>
    <message>
        <source>Back to the marks</source>
        <translation>返回评分</translation>
    </message>
    <message>
        <source>2 / 3  Sign by hand</source>
        <translation>2 / 3  手写签名</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Next: PIN</source>
        <translation>下一步：输入 PIN 码</translation>
    </message>
    <message>
        <source>3 / 3  Your PIN unlocks your signing key</source>
        <translation>3 / 3  输入 PIN 码以启用您的签名密钥</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>确认签字</translation>
    </message>
    <message>
        <source>Your signature</source>
        <translation>您的签名</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature pad</source>
        <translation>签名板</translation>
    </message>
    <message>
        <source>Sign here with the pen, a finger or the mouse</source>
        <translation>请用手写笔、手指或鼠标在此签名</translation>
    </message>
</context>
<context>
    <name>Station</name>
    <message>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺考</translation>
    </message>
    <message>
        <source>Not checked in</source>
        <translation>未签到</translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation>未评</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签</translation>
    </message>
</context>
<context>
    <name>StationWindow</name>
    <message>
        <source>ExamSite · Examiner station</source>
        <translation>考点通 · 考评员评分终端</translation>
    </message>
    <message>
        <source>Examiner station</source>
        <translation>考评员评分终端</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>{name} ({staff_no})</source>
        <translation>{name}（{staff_no}）</translation>
    </message>
    <message>
        <source>key {fingerprint}</source>
        <translation>密钥 {fingerprint}</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <source>● Online · sending {count}</source>
        <translation>● 在线 · 正在发送 {count} 项</translation>
    </message>
    <message>
        <source>● Offline · {count} kept on this station</source>
        <translation>● 离线 · 本机暂存 {count} 项</translation>
    </message>
</context>
<context>
    <name>SubmitPage</name>
    <message>
        <source>Submit your answers</source>
        <translation>交卷</translation>
    </message>
    <message>
        <source>After submission you cannot change any answer.</source>
        <translation>交卷后不能再修改任何答案。</translation>
    </message>
    <message>
        <source>I have checked my answers and want to submit now</source>
        <translation>我已检查答案，确认现在交卷</translation>
    </message>
    <message>
        <source>Back to the questions</source>
        <translation>返回作答</translation>
    </message>
    <message>
        <source>Submit now</source>
        <translation>确认交卷</translation>
    </message>
    <message>
        <source>You answered {answered} of {total} questions.</source>
        <translation>你已作答 {answered} 题，共 {total} 题。</translation>
    </message>
    <message>
        <source>Unanswered ({count}): {numbers}</source>
        <translation>未答（{count} 题）：{numbers}</translation>
    </message>
    <message>
        <source>No question is unanswered.</source>
        <translation>所有题目均已作答。</translation>
    </message>
    <message>
        <source>Flagged for review ({count}): {numbers}</source>
        <translation>标记待查（{count} 题）：{numbers}</translation>
    </message>
    <message>
        <source>No question is flagged.</source>
        <translation>没有标记的题目。</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>正在交卷…</translation>
    </message>
</context>
<context>
    <name>SummaryCard</name>
    <message>
        <source>Package</source>
        <translation>数据包编号</translation>
    </message>
    <message>
        <source>Issuer key</source>
        <translation>签发方密钥指纹</translation>
    </message>
    <message>
        <source>For site</source>
        <translation>目标考点</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>签发时间</translation>
    </message>
    <message>
        <source>Exam plan</source>
        <translation>考核计划</translation>
    </message>
    <message>
        <source>Occupation and level</source>
        <translation>职业（工种）及等级</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>{package_id} (format {version}, {size} KB)</source>
        <translation>{package_id}（格式版本 {version}，{size} KB）</translation>
    </message>
    <message>
        <source>{occupation} · {level}</source>
        <translation>{occupation} · {level}</translation>
    </message>
    <message>
        <source>{sessions} sessions, {rooms} rooms, {candidates} candidates, {staff} staff, {papers} theory papers, {tasks} practical tasks</source>
        <translation>场次 {sessions} 个，考场 {rooms} 个，考生 {candidates} 人，工作人员 {staff} 人，理论试卷 {papers} 套，实操试题 {tasks} 道</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Delivery to the platform</source>
        <translation>上报省级平台</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>待发队列</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Receipt or last error</source>
        <translation>回执或最近错误</translation>
    </message>
    <message>
        <source>Deliver now</source>
        <translation>立即上报</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <source>Queue the selected item that needs attention again and send it</source>
        <translation>将选中的待处理项重新排队并发送</translation>
    </message>
    <message>
        <source>Export for USB…</source>
        <translation>导出到U盘…</translation>
    </message>
    <message>
        <source>No platform is configured: the administrator pins it with &apos;examsite sync configure&apos;.</source>
        <translation>尚未配置上报平台：请考点管理员用 &apos;examsite sync configure&apos; 固定平台密钥。</translation>
    </message>
    <message>
        <source>{url} · receipt key fingerprint {fingerprint}</source>
        <translation>{url} · 回执密钥指纹 {fingerprint}</translation>
    </message>
    <message>
        <source>Nothing to deliver: the outbox is empty.</source>
        <translation>没有待上报的内容：队列为空。</translation>
    </message>
    <message>
        <source>{count} items: {delivered} delivered, {waiting} on their way, {attention} need attention</source>
        <translation>共 {count} 项：已送达 {delivered}，在途 {waiting}，需处理 {attention}</translation>
    </message>
    <message>
        <source>Results {subject}</source>
        <translation>成绩包 {subject}</translation>
    </message>
    <message>
        <source>Video {subject} · {name}</source>
        <translation>录像 {subject} · {name}</translation>
    </message>
    <message>
        <source>File {subject} · {name}</source>
        <translation>文件 {subject} · {name}</translation>
    </message>
    <message>
        <source>Retrying at {time}</source>
        <translation>{time} 重试</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>等待重试</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需人工处理</translation>
    </message>
    <message>
        <source>✓ Receipt verified</source>
        <translation>✓ 回执已验证</translation>
    </message>
    <message>
        <source>✗ Receipt does not verify</source>
        <translation>✗ 回执验证失败</translation>
    </message>
    <message>
        <source>Receipt stored</source>
        <translation>回执已保存</translation>
    </message>
    <message>
        <source>{verdict} · platform {fingerprint} · received {time}</source>
        <translation>{verdict} · 平台 {fingerprint} · 接收于 {time}</translation>
    </message>
    <message>
        <source>{acknowledged} of {size} acknowledged</source>
        <translation>已确认 {acknowledged} / {size}</translation>
    </message>
    <message>
        <source>Key {key} · {acknowledged} of {size} acknowledged · queued {time}</source>
        <translation>键 {key} · 已确认 {acknowledged} / {size} · 排队于 {time}</translation>
    </message>
    <message>
        <source>Receipt: record {record} · platform key {fingerprint} · received {time}</source>
        <translation>回执：记录 {record} · 平台密钥 {fingerprint} · 接收于 {time}</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>最近错误：{error}</translation>
    </message>
    <message>
        <source>Delivering…</source>
        <translation>正在上报…</translation>
    </message>
    <message>
        <source>Delivered {delivered}; waiting to retry {retrying}; needing attention {attention}.</source>
        <translation>已送达 {delivered} 项；等待重试 {retrying} 项；需人工处理 {attention} 项。</translation>
    </message>
    <message>
        <source>Export undelivered items for USB</source>
        <translation>导出未送达的内容（U盘报送）</translation>
    </message>
    <message>
        <source>ExamSite export (*.essync)</source>
        <translation>考点通导出文件 (*.essync)</translation>
    </message>
    <message>
        <source>{count} undelivered items written to {path}.</source>
        <translation>已将 {count} 个未送达项写入 {path}。</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>ExamSite hit an internal error and the step did not complete. Please send the details below to technical support.</source>
        <translation>考点通发生内部错误，本步操作未完成。请将以下详细信息发送给技术支持。</translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation>无法继续</translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation>内部错误</translation>
    </message>
</context>
<context>
    <name>TimeChangeDialog</name>
    <message>
        <source>Change time</source>
        <translation>调整时间</translation>
    </message>
    <message>
        <source>Change the exam time of {who}.</source>
        <translation>调整 {who} 的考试时间。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Accommodation (granted in advance)</source>
        <translation>合理便利（事先批准）</translation>
    </message>
    <message>
        <source>Incident credit (time lost to a fault)</source>
        <translation>事故补时（故障损失的时间）</translation>
    </message>
    <message>
        <source>Adjustment (may be negative)</source>
        <translation>调整（可为负数）</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟数</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>Incident</source>
        <translation>异常事件</translation>
    </message>
    <message>
        <source>Operator action</source>
        <translation>人员操作</translation>
    </message>
    <message>
        <source>{kind} at {time}: {label}</source>
        <translation>{time} {kind}：{label}</translation>
    </message>
    <message>
        <source> (by {who})</source>
        <translation>（{who}）</translation>
    </message>
    <message>
        <source>No video from {start} to {end}: {reason}</source>
        <translation>{start} 至 {end} 无录像：{reason}</translation>
    </message>
    <message>
        <source>no reason recorded</source>
        <translation>未记录原因</translation>
    </message>
    <message>
        <source>Recorded {start}–{end} ({file})</source>
        <translation>已录像 {start}–{end}（{file}）</translation>
    </message>
    <message>
        <source>No recording chosen</source>
        <translation>未选择录像</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>ExamSite · exam terminal</source>
        <translation>考点通 · 考试机</translation>
    </message>
    <message>
        <source>A+ Larger text</source>
        <translation>A+ 大字号</translation>
    </message>
    <message>
        <source>◐ High contrast</source>
        <translation>◐ 高对比度</translation>
    </message>
    <message>
        <source>Proctor</source>
        <translation>监考员</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Offline — {count} changes kept on this terminal</source>
        <translation>离线 — {count} 项更改已保存在本机</translation>
    </message>
    <message>
        <source>✓ Saved on this terminal · sending {count}</source>
        <translation>✓ 已保存在本机 · 正在上传 {count} 项</translation>
    </message>
    <message>
        <source>✓ Saved</source>
        <translation>✓ 已保存</translation>
    </message>
</context>
<context>
    <name>WaitingPage</name>
    <message>
        <source>Room rules</source>
        <translation>考场规则</translation>
    </message>
    <message>
        <source>Admission ticket</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>座位</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>考试</translation>
    </message>
    <message>
        <source>Occupation and level</source>
        <translation>职业及等级</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>Seat {seat}</source>
        <translation>座位 {seat}</translation>
    </message>
    <message>
        <source>Waiting for the proctor to start the exam</source>
        <translation>等待监考员开考</translation>
    </message>
    <message>
        <source>Starts in {time}</source>
        <translation>距开考 {time}</translation>
    </message>
    <message>
        <source>Planned start {time} (Beijing time)</source>
        <translation>计划开考时间 {time}（北京时间）</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <source>recording started</source>
        <translation>开始录像</translation>
    </message>
    <message>
        <source>recorder restarted</source>
        <translation>录像进程重启</translation>
    </message>
    <message>
        <source>recording stopped</source>
        <translation>停止录像</translation>
    </message>
    <message>
        <source>room sealed</source>
        <translation>考场封存</translation>
    </message>
    <message>
        <source>the schedule</source>
        <translation>按计划自动</translation>
    </message>
</context>
</TS>
