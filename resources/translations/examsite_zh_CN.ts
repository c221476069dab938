<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <source>Exam package</source>
        <translation>考务数据包</translation>
    </message>
    <message>
        <source>Session overview</source>
        <translation>场次总览</translation>
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
</TS>
