<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>core</name>
        <message>
            <source>encrypted ZIP entries are not allowed</source>
            <translation>不允许使用加密的 ZIP 条目</translation>
        </message>
        <message>
            <source>the ZIP compression method is not supported</source>
            <translation>不支持该 ZIP 压缩方式</translation>
        </message>
        <message>
            <source>There is no file {path}.</source>
            <translation>文件 {path} 不存在。</translation>
        </message>
        <message>
            <source>The package file is incomplete or is not an exam package; copy it again.</source>
            <translation>数据包文件不完整或不是考务数据包，请重新拷贝。</translation>
        </message>
        <message>
            <source>The package member {member} is larger than allowed.</source>
            <translation>数据包中的 {member} 超过允许的大小。</translation>
        </message>
        <message>
            <source>The package contains an unsafe file name: {member}</source>
            <translation>数据包中含有不安全的文件名：{member}</translation>
        </message>
        <message>
            <source>The package has no signature and cannot be trusted.</source>
            <translation>数据包没有签名，不能信任。</translation>
        </message>
        <message>
            <source>The package is not signed by a trusted issuer.</source>
            <translation>数据包不是由受信任的发布方签名的。</translation>
        </message>
        <message>
            <source>The package was altered after it was signed: {member} does not match its manifest.</source>
            <translation>数据包在签名后被改动过：{member} 与清单不符。</translation>
        </message>
        <message>
            <source>This package is meant for site {site}, not for this site.</source>
            <translation>此数据包是发给考点 {site} 的，不是本考点的。</translation>
        </message>
        <message>
            <source>The package member {member} is invalid: {detail}</source>
            <translation>数据包中的 {member} 内容无效：{detail}</translation>
        </message>
        <message>
            <source>The package has format version {version}, which this version of ExamSite cannot read.</source>
            <translation>数据包格式版本为 {version}，当前版本的考点通无法读取。</translation>
        </message>
        <message>
            <source>The package is larger than an exam package may be.</source>
            <translation>数据包超过考务数据包允许的大小。</translation>
        </message>
        <message>
            <source>numbers with a fraction must be written as strings: {value}</source>
            <translation>带小数的数字必须写成字符串：{value}</translation>
        </message>
        <message>
            <source>the field {field} is missing</source>
            <translation>缺少字段 {field}</translation>
        </message>
        <message>
            <source>the field {field} has a wrong type or value</source>
            <translation>字段 {field} 的类型或取值错误</translation>
        </message>
        <message>
            <source>the key {field} appears twice</source>
            <translation>键 {field} 出现了两次</translation>
        </message>
        <message>
            <source>it is not valid JSON</source>
            <translation>不是有效的 JSON</translation>
        </message>
        <message>
            <source>{what} {code} appears twice</source>
            <translation>{what} {code} 重复出现</translation>
        </message>
        <message>
            <source>member</source>
            <translation>成员文件</translation>
        </message>
        <message>
            <source>the manifest lists itself or its signature</source>
            <translation>清单中列出了清单自身或其签名</translation>
        </message>
        <message>
            <source>ticket</source>
            <translation>准考证号</translation>
        </message>
        <message>
            <source>staff number</source>
            <translation>工作人员编号</translation>
        </message>
        <message>
            <source>session</source>
            <translation>场次</translation>
        </message>
        <message>
            <source>ticket {ticket} is seated in a session or room the plan does not have</source>
            <translation>准考证号 {ticket} 被安排在计划中不存在的场次或考场</translation>
        </message>
        <message>
            <source>ticket {ticket} has seat {seat} in room {room}, which is taken or does not exist</source>
            <translation>准考证号 {ticket} 的座位 {seat}（考场 {room}）已被占用或不存在</translation>
        </message>
        <message>
            <source>staff member {staff} has a duty in a session or room the plan does not have</source>
            <translation>工作人员 {staff} 的任务安排在计划中不存在的场次或考场</translation>
        </message>
        <message>
            <source>room</source>
            <translation>考场</translation>
        </message>
        <message>
            <source>the rule {field} is not known</source>
            <translation>未知的规则 {field}</translation>
        </message>
        <message>
            <source>session {session} names an unknown room {room}</source>
            <translation>场次 {session} 引用了不存在的考场 {room}</translation>
        </message>
        <message>
            <source>this member is missing from the package</source>
            <translation>数据包中缺少此文件</translation>
        </message>
        <message>
            <source>this member is not part of an exam package</source>
            <translation>此文件不属于考务数据包</translation>
        </message>
        <message>
            <source>ticket {ticket} has an invalid ID number</source>
            <translation>准考证号 {ticket} 的证件号码无效</translation>
        </message>
        <message>
            <source>the paper does not match the package's paper index</source>
            <translation>试卷与数据包的试卷索引不一致</translation>
        </message>
        <message>
            <source>it cannot be opened with this site's key</source>
            <translation>无法用本考点的密钥打开</translation>
        </message>
        <message>
            <source>session {session} names an unknown paper or task {code}</source>
            <translation>场次 {session} 引用了不存在的试卷或考核项目 {code}</translation>
        </message>
        <message>
            <source>task</source>
            <translation>考核项目</translation>
        </message>
        <message>
            <source>paper</source>
            <translation>试卷</translation>
        </message>
        <message>
            <source>item</source>
            <translation>试题</translation>
        </message>
        <message>
            <source>choice</source>
            <translation>选项</translation>
        </message>
        <message>
            <source>rubric item</source>
            <translation>评分项</translation>
        </message>
        <message>
            <source>item {item} has too few choices</source>
            <translation>试题 {item} 的选项太少</translation>
        </message>
        <message>
            <source>The encrypted data is damaged or was altered.</source>
            <translation>加密数据已损坏或被改动。</translation>
        </message>
        <message>
            <source>The site passphrase is not correct.</source>
            <translation>考点口令不正确。</translation>
        </message>
        <message>
            <source>The exam password is not correct for this paper.</source>
            <translation>开考密码与此试卷不符。</translation>
        </message>
        <message>
            <source>The site key file {path} is damaged.</source>
            <translation>考点密钥文件 {path} 已损坏。</translation>
        </message>
        <message>
            <source>The site's public key record is damaged.</source>
            <translation>考点公钥记录已损坏。</translation>
        </message>
        <message>
            <source>There is no site key file at {path}.</source>
            <translation>{path} 处没有考点密钥文件。</translation>
        </message>
        <message>
            <location filename="app/audit/chain.py" line="122" />
            <source>Audit event {seq} appears twice or out of order.</source>
            <translation>审计事件 {seq} 重复出现或顺序错乱。</translation>
        </message>
        <message>
            <location filename="app/audit/chain.py" line="128" />
            <source>Audit event {seq} was altered after it was written.</source>
            <translation>审计事件 {seq} 在写入后被改动过。</translation>
        </message>
        <message>
            <location filename="app/audit/chain.py" line="132" />
            <source>Audit event {seq} does not follow event {prev}: events were inserted, deleted or reordered.</source>
            <translation>审计事件 {seq} 与事件 {prev} 接不上：有事件被插入、删除或调换了顺序。</translation>
        </message>
        <message>
            <location filename="app/audit/chain.py" line="144" />
            <source>The audit trail has no signed head: it cannot be trusted.</source>
            <translation>审计日志没有经签名的链头，不可信。</translation>
        </message>
        <message>
            <location filename="app/audit/chain.py" line="146" />
            <source>The signed head of the audit trail was altered.</source>
            <translation>审计日志经签名的链头被改动过。</translation>
        </message>
        <message>
            <location filename="app/audit/chain.py" line="150" />
            <source>The audit trail was cut off: events {first} to {last} are missing.</source>
            <translation>审计日志被截断：缺少事件 {first} 至 {last}。</translation>
        </message>
        <message>
            <location filename="app/audit/chain.py" line="155" />
            <source>Audit event {seq} was added without the site key (it is past the signed head).</source>
            <translation>审计事件 {seq} 是在没有考点密钥的情况下添加的（位于签名链头之后）。</translation>
        </message>
        <message>
            <location filename="app/audit/chain.py" line="158" />
            <source>Audit event {seq} does not match the signed head.</source>
            <translation>审计事件 {seq} 与签名链头不符。</translation>
        </message>
        <message>
            <location filename="app/audit/chain.py" line="119" />
            <source>Audit event {seq} is missing: the chain jumps from {prev} to {next}.</source>
            <translation>缺少审计事件 {seq}：哈希链从 {prev} 直接跳到了 {next}。</translation>
        </message>
        <message>
            <location filename="app/audit/chain.py" line="171" />
            <source>Audit checkpoint at event {seq} was altered.</source>
            <translation>事件 {seq} 处的审计检查点被改动过。</translation>
        </message>
        <message>
            <location filename="app/audit/chain.py" line="180" />
            <source>Audit event {seq} does not match its signed checkpoint.</source>
            <translation>审计事件 {seq} 与其签名检查点不符。</translation>
        </message>
        <message>
            <location filename="app/cli/audit_cmd.py" line="32" />
            <source>Audit trail intact: {events} events, head {seq} {hash}, signed by the site.</source>
            <translation>审计日志完好：共 {events} 条事件，链头 {seq} {hash}，已由考点签名。</translation>
        </message>
        <message>
            <location filename="app/cli/audit_cmd.py" line="30" />
            <source>AUDIT TRAIL BROKEN: {problem}</source>
            <translation>审计日志已被破坏：{problem}</translation>
        </message>
        <message>
            <location filename="app/cli/common.py" line="46" />
            <source>Set {env} or run this in a terminal to type it.</source>
            <translation>请设置环境变量 {env}，或在终端中运行此命令以便输入。</translation>
        </message>
        <message>
            <location filename="app/cli/common.py" line="49" />
            <source>The two entries differ.</source>
            <translation>两次输入不一致。</translation>
        </message>
        <message>
            <location filename="app/cli/common.py" line="54" />
            <source>Site passphrase: </source>
            <translation>考点口令：</translation>
        </message>
        <message>
            <location filename="app/cli/common.py" line="48" />
            <source>Again: </source>
            <translation>再输入一次：</translation>
        </message>
        <message>
            <location filename="app/cli/main.py" line="38" />
            <source>Error: {message}</source>
            <translation>错误：{message}</translation>
        </message>
        <message>
            <location filename="app/cli/main.py" line="41" />
            <source>Interrupted.</source>
            <translation>已中断。</translation>
        </message>
        <message>
            <location filename="app/cli/main.py" line="45" />
            <source>ExamSite hit an internal error; the step that failed was rolled back. Please send the report {path} to support.</source>
            <translation>考点通发生内部错误，失败的步骤已回滚。请将报告 {path} 发送给技术支持。</translation>
        </message>
        <message>
            <location filename="app/cli/package_cmd.py" line="43" />
            <source>Sample package written to {path}</source>
            <translation>示例考务数据包已写入 {path}</translation>
        </message>
        <message>
            <location filename="app/cli/package_cmd.py" line="44" />
            <source>Package: {package_id}</source>
            <translation>数据包：{package_id}</translation>
        </message>
        <message>
            <location filename="app/cli/package_cmd.py" line="45" />
            <source>Exam password (开考密码), given to the chief proctor at the start: {password}</source>
            <translation>开考密码（开考时交给主监考）：{password}</translation>
        </message>
        <message>
            <location filename="app/cli/package_cmd.py" line="51" />
            <source>Package {package_id} (format {version}) is genuine and intact.</source>
            <translation>数据包 {package_id}（格式 {version}）真实完整。</translation>
        </message>
        <message>
            <location filename="app/cli/package_cmd.py" line="53" />
            <source>Issuer key: {fingerprint}; issued {issued_at}</source>
            <translation>签发方密钥：{fingerprint}；签发时间 {issued_at}</translation>
        </message>
        <message>
            <location filename="app/cli/package_cmd.py" line="55" />
            <source>For site {site}; plan {plan}: {occupation}, level {level}</source>
            <translation>目标考点 {site}；考核计划 {plan}：{occupation}，{level} 级</translation>
        </message>
        <message>
            <location filename="app/cli/package_cmd.py" line="57" />
            <source>{sessions} sessions, {rooms} rooms, {candidates} candidates, {staff} staff, {papers} papers, {tasks} practical tasks</source>
            <translation>{sessions} 个场次，{rooms} 个考场，{candidates} 名考生，{staff} 名考务人员，{papers} 份试卷，{tasks} 个实操任务</translation>
        </message>
        <message>
            <location filename="app/cli/package_cmd.py" line="83" />
            <source>Password of the site administrator (admin): </source>
            <translation>考点管理员（admin）密码：</translation>
        </message>
        <message>
            <location filename="app/cli/package_cmd.py" line="86" />
            <source>Imported package {package_id}: {candidates} candidates, {staff} staff.</source>
            <translation>已导入数据包 {package_id}：{candidates} 名考生，{staff} 名考务人员。</translation>
        </message>
        <message>
            <location filename="app/cli/sim_cmd.py" line="30" />
            <source>Simulating the exam day in {root}</source>
            <translation>在 {root} 中模拟考试日</translation>
        </message>
        <message>
            <location filename="app/cli/sim_cmd.py" line="38" />
            <source>Simulation passed: every stage checked out ({seconds:.1f} s).</source>
            <translation>模拟通过：每个环节均核验无误（{seconds:.1f} 秒）。</translation>
        </message>
        <message>
            <location filename="app/cli/sim_cmd.py" line="39" />
            <source>Simulation FAILED.</source>
            <translation>模拟失败。</translation>
        </message>
        <message>
            <location filename="app/cli/site_cmd.py" line="68" />
            <source>New site passphrase: </source>
            <translation>新的考点口令：</translation>
        </message>
        <message>
            <location filename="app/cli/site_cmd.py" line="69" />
            <source>Password for the site administrator (admin): </source>
            <translation>为考点管理员（admin）设置密码：</translation>
        </message>
        <message>
            <location filename="app/cli/site_cmd.py" line="74" />
            <source>Site {site} created in {home}.</source>
            <translation>已在 {home} 中创建考点 {site}。</translation>
        </message>
        <message>
            <location filename="app/cli/site_cmd.py" line="75" />
            <source>Site signing key: {fingerprint}</source>
            <translation>考点签名密钥：{fingerprint}</translation>
        </message>
        <message>
            <location filename="app/cli/site_cmd.py" line="76" />
            <source>Database: {url}</source>
            <translation>数据库：{url}</translation>
        </message>
        <message>
            <location filename="app/cli/site_cmd.py" line="85" />
            <source>Site: {site} ({name})</source>
            <translation>考点：{site}（{name}）</translation>
        </message>
        <message>
            <location filename="app/cli/site_cmd.py" line="86" />
            <source>Home: {home}</source>
            <translation>数据目录：{home}</translation>
        </message>
        <message>
            <location filename="app/cli/site_cmd.py" line="87" />
            <source>Database: {url} (schema {revision})</source>
            <translation>数据库：{url}（结构版本 {revision}）</translation>
        </message>
        <message>
            <location filename="app/cli/site_cmd.py" line="102" />
            <source>Database schema is at {revision}.</source>
            <translation>数据库结构已是版本 {revision}。</translation>
        </message>
        <message>
            <location filename="app/cli/site_cmd.py" line="52" />
            <source>An issuer key is 64 hexadecimal characters (an Ed25519 public key).</source>
            <translation>签发方密钥应为 64 位十六进制字符（Ed25519 公钥）。</translation>
        </message>
        <message>
            <location filename="app/cli/site_cmd.py" line="90" />
            <source>Trusted issuer: {label} {fingerprint}</source>
            <translation>受信任的签发方：{label} {fingerprint}</translation>
        </message>
        <message>
            <location filename="app/cli/site_cmd.py" line="49" />
            <source>Cannot read the issuer key {path}: {detail}</source>
            <translation>无法读取签发方密钥 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="app/cli/staff_cmd.py" line="56" />
            <source>New password or PIN for {staff_no}: </source>
            <translation>{staff_no} 的新密码或 PIN：</translation>
        </message>
        <message>
            <location filename="app/cli/staff_cmd.py" line="59" />
            <source>Password or PIN set for {staff_no}.</source>
            <translation>已为 {staff_no} 设置密码或 PIN。</translation>
        </message>
        <message>
            <location filename="app/cli/staff_cmd.py" line="69" />
            <source>Account {staff_no} unlocked.</source>
            <translation>账号 {staff_no} 已解锁。</translation>
        </message>
        <message>
            <location filename="app/cli/staff_cmd.py" line="38" />
            <source>locked</source>
            <translation>已锁定</translation>
        </message>
        <message>
            <location filename="app/cli/staff_cmd.py" line="39" />
            <source>ready</source>
            <translation>可登录</translation>
        </message>
        <message>
            <location filename="app/cli/staff_cmd.py" line="39" />
            <source>no password yet</source>
            <translation>尚未设置密码</translation>
        </message>
        <message>
            <location filename="app/cli/ui_cmd.py" line="31" />
            <source>Preparing a demo site in {root}…</source>
            <translation>正在 {root} 中准备演示考点…</translation>
        </message>
        <message>
            <location filename="app/persistence/database.py" line="121" />
            <source>This site has no database yet: run 'examsite site init' first.</source>
            <translation>该考点还没有数据库：请先运行 'examsite site init'。</translation>
        </message>
        <message>
            <location filename="app/persistence/database.py" line="124" />
            <source>The database schema is at {current} but this version needs {head}: run 'examsite site migrate'.</source>
            <translation>数据库结构为版本 {current}，本软件需要版本 {head}：请运行 'examsite site migrate'。</translation>
        </message>
        <message>
            <location filename="app/persistence/database.py" line="91" />
            <source>The database cannot be reached or is busy: {detail}</source>
            <translation>无法连接数据库或数据库繁忙：{detail}</translation>
        </message>
        <message>
            <location filename="app/persistence/database.py" line="107" />
            <source>The database schema could not be brought up to date: {detail}</source>
            <translation>无法升级数据库结构：{detail}</translation>
        </message>
        <message>
            <location filename="app/services/auth.py" line="58" />
            <source>Unknown staff number or wrong password.</source>
            <translation>工号不存在或密码错误。</translation>
        </message>
        <message>
            <location filename="app/services/auth.py" line="63" />
            <source>This account is locked after repeated failures; try again in {minutes} minutes.</source>
            <translation>该账号因多次登录失败已被锁定，请 {minutes} 分钟后再试。</translation>
        </message>
        <message>
            <location filename="app/services/auth.py" line="100" />
            <source>No staff member has the number {staff_no}.</source>
            <translation>没有工号为 {staff_no} 的考务人员。</translation>
        </message>
        <message>
            <location filename="app/services/auth.py" line="68" />
            <source>{name} does not hold the role {role}.</source>
            <translation>{name} 不担任{role}。</translation>
        </message>
        <message>
            <location filename="app/services/auth.py" line="103" />
            <source>A PIN is exactly {count} digits.</source>
            <translation>PIN 必须是 {count} 位数字。</translation>
        </message>
        <message>
            <location filename="app/services/auth.py" line="72" />
            <source>No password or PIN has been set for {name}: ask the site administrator.</source>
            <translation>尚未为 {name} 设置密码或 PIN，请联系考点管理员。</translation>
        </message>
        <message>
            <location filename="app/services/auth.py" line="80" />
            <source>Too many failures: the account is locked for {minutes} minutes.</source>
            <translation>失败次数过多：账号已锁定 {minutes} 分钟。</translation>
        </message>
        <message>
            <location filename="app/services/authz.py" line="15" />
            <source>Only {roles} may do this.</source>
            <translation>只有{roles}可以执行此操作。</translation>
        </message>
        <message>
            <location filename="app/services/home.py" line="99" />
            <source>No site is set up in {home}: run 'examsite site init' first.</source>
            <translation>{home} 中尚未建立考点：请先运行 'examsite site init'。</translation>
        </message>
        <message>
            <location filename="app/services/home.py" line="103" />
            <source>The site configuration {path} is damaged: {detail}</source>
            <translation>考点配置文件 {path} 已损坏：{detail}</translation>
        </message>
        <message>
            <location filename="app/services/overview.py" line="163" />
            <source>No candidate has the admission ticket {ticket}.</source>
            <translation>没有准考证号为 {ticket} 的考生。</translation>
        </message>
        <message>
            <location filename="app/services/packages.py" line="69" />
            <source>Imported.</source>
            <translation>导入完成。</translation>
        </message>
        <message>
            <location filename="app/services/packages.py" line="44" />
            <source>Verifying the signature and every member…</source>
            <translation>正在核验签名及每个文件…</translation>
        </message>
        <message>
            <location filename="app/services/packages.py" line="85" />
            <source>The package lists staff number '{staff_no}', which is reserved for this site's administrator.</source>
            <translation>数据包中含有工号“{staff_no}”，该工号保留给本考点管理员使用。</translation>
        </message>
        <message>
            <location filename="app/services/packages.py" line="55" />
            <source>Writing the audit trail…</source>
            <translation>正在写入审计日志…</translation>
        </message>
        <message>
            <location filename="app/services/packages.py" line="75" />
            <source>This package ({package_id}) has already been imported.</source>
            <translation>该数据包（{package_id}）已经导入过。</translation>
        </message>
        <message>
            <location filename="app/services/packages.py" line="78" />
            <source>Plan {plan} is already on this site from another package.</source>
            <translation>考核计划 {plan} 已由另一个数据包导入本考点。</translation>
        </message>
        <message>
            <location filename="app/services/packages.py" line="82" />
            <source>Admission ticket {ticket} is already on this site in another plan; {count} tickets of this package clash.</source>
            <translation>准考证号 {ticket} 已存在于本考点的另一考核计划中；本数据包共有 {count} 个准考证号冲突。</translation>
        </message>
        <message>
            <location filename="app/services/packages.py" line="53" />
            <source>Storing the roster…</source>
            <translation>正在保存考生名单…</translation>
        </message>
        <message>
            <location filename="app/services/site.py" line="59" />
            <source>A password needs at least {count} characters.</source>
            <translation>密码至少需要 {count} 个字符。</translation>
        </message>
        <message>
            <location filename="app/services/site.py" line="75" />
            <source>A site is already set up in {home}.</source>
            <translation>{home} 中已经建立了考点。</translation>
        </message>
        <message>
            <location filename="app/services/site.py" line="78" />
            <source>The site code may use letters, digits, '-' and '_' (3 to 32 characters).</source>
            <translation>考点代码只能使用字母、数字、“-”和“_”（3 至 32 个字符）。</translation>
        </message>
        <message>
            <location filename="app/services/site.py" line="83" />
            <source>Name at least one trusted package issuer key.</source>
            <translation>请至少指定一个受信任的数据包签发方密钥。</translation>
        </message>
        <message>
            <location filename="app/services/site.py" line="91" />
            <source>That database already belongs to a site: use an empty database.</source>
            <translation>该数据库已属于某个考点：请使用空数据库。</translation>
        </message>
        <message>
            <location filename="app/services/site.py" line="46" />
            <source>This needs the site passphrase: unlock the site first.</source>
            <translation>此操作需要考点口令：请先解锁考点。</translation>
        </message>
        <message>
            <location filename="app/services/site.py" line="120" />
            <source>The database {url} does not belong to site {site}.</source>
            <translation>数据库 {url} 不属于考点 {site}。</translation>
        </message>
        <message>
            <location filename="app/simulation/day.py" line="75" />
            <source>site {site} ({url}); package {package} imported, {count} staff accounts ready</source>
            <translation>考点 {site}（{url}）；数据包 {package} 已导入，{count} 个考务账号就绪</translation>
        </message>
        <message>
            <location filename="app/simulation/day.py" line="92" />
            <source>genuine package accepted ({candidates} candidates); tampered copy refused: {reason}</source>
            <translation>真实数据包已接受（{candidates} 名考生）；被篡改的副本已拒绝：{reason}</translation>
        </message>
        <message>
            <location filename="app/simulation/day.py" line="107" />
            <source>{count} staff logged in in their roles; {victim} locked after {failures} wrong entries and unlocked by the administrator</source>
            <translation>{count} 名考务人员以各自角色登录；{victim} 连续输错 {failures} 次后被锁定，已由管理员解锁</translation>
        </message>
        <message>
            <location filename="app/simulation/day.py" line="114" />
            <source>{events} events chained and signed; head {hash}</source>
            <translation>{events} 条事件已成链并签名；链头 {hash}</translation>
        </message>
        <message>
            <location filename="app/simulation/day.py" line="50" />
            <source>Site, sample package and import</source>
            <translation>考点、示例数据包与导入</translation>
        </message>
        <message>
            <location filename="app/simulation/day.py" line="51" />
            <source>Package verification</source>
            <translation>数据包核验</translation>
        </message>
        <message>
            <location filename="app/simulation/day.py" line="52" />
            <source>Staff log-ins</source>
            <translation>考务人员登录</translation>
        </message>
        <message>
            <location filename="app/simulation/day.py" line="53" />
            <source>Audit trail</source>
            <translation>审计日志</translation>
        </message>
        <message>
            <location filename="app/identity/tickets.py" line="100" />
            <source>Altered ticket: the code of ticket {ticket} does not match its signature.</source>
            <translation>准考证被篡改：准考证 {ticket} 的二维码与其签名不符。</translation>
        </message>
        <message>
            <location filename="app/identity/tickets.py" line="79" />
            <source>This code is not an ExamSite admission ticket.</source>
            <translation>这不是考点通准考证的二维码。</translation>
        </message>
        <message>
            <location filename="app/identity/tickets.py" line="95" />
            <source>Forged ticket: ticket {ticket} was not issued by a trusted issuer.</source>
            <translation>伪造的准考证：准考证 {ticket} 不是由受信任的签发方签发的。</translation>
        </message>
        <message>
            <location filename="app/identity/tickets.py" line="108" />
            <source>Ticket {ticket} is for another exam or session, not this one.</source>
            <translation>准考证 {ticket} 属于其他考试或场次，不是本场次。</translation>
        </message>
        <message>
            <location filename="app/identity/tickets.py" line="111" />
            <source>Ticket {ticket} has expired.</source>
            <translation>准考证 {ticket} 已过期。</translation>
        </message>
        <message>
            <location filename="app/identity/tickets.py" line="113" />
            <source>Ticket {ticket} is not valid yet.</source>
            <translation>准考证 {ticket} 尚未生效。</translation>
        </message>
        <message>
            <location filename="app/identity/tickets.py" line="115" />
            <source>The ID card does not belong to the holder of ticket {ticket}.</source>
            <translation>该身份证与准考证 {ticket} 的持有人不符。</translation>
        </message>
        <message>
            <location filename="app/identity/tickets.py" line="92" />
            <source>The ticket's code is damaged or incomplete.</source>
            <translation>准考证二维码已损坏或不完整。</translation>
        </message>
        <message>
            <location filename="app/package/reader.py" line="174" />
            <source>the QR code of ticket {ticket} is bound to another ID number</source>
            <translation>准考证 {ticket} 的二维码绑定的是另一个身份证号</translation>
        </message>
        <message>
            <location filename="app/package/tickets_codec.py" line="56" />
            <source>ticket {ticket} is not on the roster or appears twice</source>
            <translation>准考证 {ticket} 不在考生名单中或重复出现</translation>
        </message>
        <message>
            <location filename="app/package/tickets_codec.py" line="63" />
            <source>the QR code of ticket {ticket} names another candidate, plan or session</source>
            <translation>准考证 {ticket} 的二维码指向其他考生、考核计划或场次</translation>
        </message>
        <message>
            <location filename="app/services/checkin.py" line="122" />
            <source>Nobody with this ID card sits session {session}.</source>
            <translation>本场次 {session} 中没有持此身份证的考生。</translation>
        </message>
        <message>
            <location filename="app/services/checkin.py" line="275" />
            <source>the ID card is someone else's</source>
            <translation>身份证属于他人</translation>
        </message>
        <message>
            <location filename="app/services/checkin.py" line="277" />
            <source>the face does not match the roster photo</source>
            <translation>人脸与名单照片不符</translation>
        </message>
        <message>
            <location filename="app/services/checkin.py" line="279" />
            <source>identity not checked: no face match and no visual check by the proctor</source>
            <translation>未核验身份：既无人脸比对通过，也无监考员人工核验</translation>
        </message>
        <message>
            <location filename="app/services/checkin.py" line="291" />
            <source>The late-entry cut-off passed at {time}: only the chief proctor may admit a late candidate, with a reason.</source>
            <translation>已超过 {time} 的迟到截止时间：只有主监考可填写理由后放行迟到考生。</translation>
        </message>
        <message>
            <location filename="app/services/checkin.py" line="294" />
            <source>late arrival</source>
            <translation>迟到</translation>
        </message>
        <message>
            <location filename="app/services/checkin.py" line="295" />
            <source>This cannot simply be confirmed ({problems}): override with a reason, or reject.</source>
            <translation>不能直接确认（{problems}）：请填写理由特殊放行，或拒绝入场。</translation>
        </message>
        <message>
            <location filename="app/services/checkin.py" line="298" />
            <source>An override needs a reason.</source>
            <translation>特殊放行必须填写理由。</translation>
        </message>
        <message>
            <location filename="app/services/checkin.py" line="114" />
            <source>The ID number on this card fails its check digit: the card is not genuine or was misread.</source>
            <translation>此证件上的身份证号校验位不正确：证件可能不是真证，或读取有误。</translation>
        </message>
        <message>
            <location filename="app/services/checkin.py" line="234" />
            <source>There is no session {session} in the current plan.</source>
            <translation>当前考核计划中没有场次 {session}。</translation>
        </message>
        <message>
            <location filename="app/services/checkin.py" line="241" />
            <source>Ticket {ticket} does not sit session {session}.</source>
            <translation>准考证 {ticket} 不参加场次 {session}。</translation>
        </message>
        <message>
            <location filename="app/services/checkin.py" line="253" />
            <source>Room {room} has no free seat left.</source>
            <translation>{room}已无空座位。</translation>
        </message>
        <message>
            <location filename="app/services/checkin.py" line="157" />
            <source>Session {session} has ended: check-in is closed.</source>
            <translation>场次 {session} 已结束，检录已关闭。</translation>
        </message>
        <message>
            <location filename="app/services/checkin.py" line="159" />
            <source>{name} is already checked in.</source>
            <translation>{name} 已经检录。</translation>
        </message>
        <message>
            <location filename="app/services/checkin.py" line="166" />
            <source>A rejection needs a reason.</source>
            <translation>拒绝入场必须填写理由。</translation>
        </message>
        <message>
            <location filename="app/services/checkin.py" line="191" />
            <source>Absentees can be marked after the late-entry cut-off at {time}.</source>
            <translation>须在迟到截止时间 {time} 之后才能标记缺考。</translation>
        </message>
        <message>
            <location filename="app/services/checkin.py" line="218" />
            <source>No check-in record {record}.</source>
            <translation>没有编号为 {record} 的检录记录。</translation>
        </message>
        <message>
            <location filename="app/identity/tickets.py" line="122" />
            <source>valid</source>
            <translation>有效</translation>
        </message>
        <message>
            <location filename="app/identity/tickets.py" line="123" />
            <source>not scanned</source>
            <translation>未扫描</translation>
        </message>
        <message>
            <location filename="app/identity/tickets.py" line="124" />
            <source>unreadable code</source>
            <translation>无法识别的二维码</translation>
        </message>
        <message>
            <location filename="app/identity/tickets.py" line="125" />
            <source>forged</source>
            <translation>伪造</translation>
        </message>
        <message>
            <location filename="app/identity/tickets.py" line="126" />
            <source>altered</source>
            <translation>被篡改</translation>
        </message>
        <message>
            <location filename="app/identity/tickets.py" line="127" />
            <source>for another exam or session</source>
            <translation>属于其他考试或场次</translation>
        </message>
        <message>
            <location filename="app/identity/tickets.py" line="128" />
            <source>expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <location filename="app/identity/tickets.py" line="129" />
            <source>not valid yet</source>
            <translation>尚未生效</translation>
        </message>
        <message>
            <location filename="app/identity/tickets.py" line="130" />
            <source>belongs to another ID card</source>
            <translation>与身份证不符</translation>
        </message>
        <message>
            <location filename="app/services/checkin.py" line="273" />
            <source>ticket refused: {status}</source>
            <translation>准考证未通过：{status}</translation>
        </message>
        <message>
            <source>No ID card reader answered on any of these ports: {ports}.</source>
            <translation>以下端口上都没有身份证阅读器应答：{ports}。</translation>
        </message>
        <message>
            <source>No WLT photo decoder is installed; the photo is kept undecoded.</source>
            <translation>未安装 WLT 照片解码插件，照片以原始数据保存，未解码。</translation>
        </message>
        <message>
            <source>The ID card reader at {port} cannot be opened: {reason}</source>
            <translation>无法打开身份证阅读器（{port}）：{reason}</translation>
        </message>
        <message>
            <source>The ID card reader at {port} did not answer; check that it is switched on and connected.</source>
            <translation>身份证阅读器（{port}）没有应答，请检查是否已通电并连接好。</translation>
        </message>
        <message>
            <source>The ID card reader at {port} sent a damaged answer (checksum error); place the card again.</source>
            <translation>身份证阅读器（{port}）返回的数据已损坏（校验和错误），请重新放置证件。</translation>
        </message>
        <message>
            <source>The ID card reader at {port} was unplugged or stopped working; plug it in again.</source>
            <translation>身份证阅读器（{port}）已被拔出或停止工作，请重新插好。</translation>
        </message>
        <message>
            <source>The ID card reader is ready; place a card on it.</source>
            <translation>身份证阅读器已就绪，请放置证件。</translation>
        </message>
        <message>
            <source>The ID card reader reported: {status}. Take the card off the reader and place it again.</source>
            <translation>身份证阅读器报告：{status}。请取下证件后重新放置。</translation>
        </message>
        <message>
            <source>The ID card reader's security module reported: {status}. Restart the reader; if it happens again, call the site administrator.</source>
            <translation>身份证阅读器的安全模块报告：{status}。请重启阅读器；如再次出现，请联系考点管理员。</translation>
        </message>
        <message>
            <source>The WLT photo decoder {name} could not be loaded: {reason}</source>
            <translation>无法加载 WLT 照片解码插件 {name}：{reason}</translation>
        </message>
        <message>
            <source>The WLT photo decoder {name} did not return a BMP or JPEG image.</source>
            <translation>WLT 照片解码插件 {name} 返回的不是 BMP 或 JPEG 图像。</translation>
        </message>
        <message>
            <source>The WLT photo decoder {name} failed: {reason}</source>
            <translation>WLT 照片解码插件 {name} 解码失败：{reason}</translation>
        </message>
        <message>
            <source>The card has been read; take it off the reader.</source>
            <translation>证件已读取，请从阅读器上取下。</translation>
        </message>
        <message>
            <source>The card has no photo.</source>
            <translation>证件中没有照片。</translation>
        </message>
        <message>
            <source>The data on the card could not be understood ({field}); place the card again.</source>
            <translation>无法识别证件中的数据（{field}），请重新放置证件。</translation>
        </message>
        <message>
            <source>The device at {port} answered with data that is not the ID card reader protocol; check the cable and the port.</source>
            <translation>{port} 上的设备返回的数据不符合身份证阅读器协议，请检查连接线和端口。</translation>
        </message>
        <message>
            <source>The serial port library (pyserial) is not installed; ID card readers cannot be used.</source>
            <translation>未安装串口库（pyserial），无法使用身份证阅读器。</translation>
        </message>
        <message>
            <source>There is no simulated ID card reader named {name}.</source>
            <translation>没有名为 {name} 的模拟身份证阅读器。</translation>
        </message>
        <message>
            <source>Unknown ID card reader {spec}; use serial:PORT, sim:NAME or auto.</source>
            <translation>未知的身份证阅读器 {spec}，请使用 serial:端口、sim:名称 或 auto。</translation>
        </message>
        <message>
            <source>a card was found</source>
            <translation>已找到证件</translation>
        </message>
        <message>
            <source>an unknown error occurred in the reader</source>
            <translation>阅读器发生无法识别的错误</translation>
        </message>
        <message>
            <source>no card was found</source>
            <translation>未找到证件</translation>
        </message>
        <message>
            <source>reading the card failed</source>
            <translation>读证件操作失败</translation>
        </message>
        <message>
            <source>the card could not be selected</source>
            <translation>选取证件失败</translation>
        </message>
        <message>
            <source>the card did not accept the reader's security module</source>
            <translation>证件认证安全模块失败</translation>
        </message>
        <message>
            <source>the card did not give a random number</source>
            <translation>从证件取随机数失败</translation>
        </message>
        <message>
            <source>the card has no content for this item</source>
            <translation>证件中此项无内容</translation>
        </message>
        <message>
            <source>the card is not a type the reader knows</source>
            <translation>无法识别的证件类型</translation>
        </message>
        <message>
            <source>the card's information did not verify</source>
            <translation>证件信息验证错误</translation>
        </message>
        <message>
            <source>the operation is not permitted</source>
            <translation>越权操作</translation>
        </message>
        <message>
            <source>the operation succeeded</source>
            <translation>操作成功</translation>
        </message>
        <message>
            <source>the reader received a command it does not accept</source>
            <translation>阅读器收到的命令有误</translation>
        </message>
        <message>
            <source>the reader received a command with a wrong checksum</source>
            <translation>阅读器收到的命令校验和错误</translation>
        </message>
        <message>
            <source>the reader received a command with a wrong length</source>
            <translation>阅读器收到的命令长度错误</translation>
        </message>
        <message>
            <source>the reader's security module did not accept the card</source>
            <translation>安全模块认证证件失败</translation>
        </message>
        <message>
            <source>the reader's security module failed its self-test</source>
            <translation>安全模块自检失败</translation>
        </message>
        <message>
            <source>the reader's security module is not authorised</source>
            <translation>安全模块未经授权</translation>
        </message>
        <message>
            <source>unknown status {code}</source>
            <translation>未知状态 {code}</translation>
        </message>
        <message>
            <location filename="drivers/scanner/factory.py" line="50" />
            <source>The QR code library {library} is not installed on this computer; install it with: {hint}</source>
            <translation>本机未安装二维码识别库 {library}，请用以下命令安装：{hint}</translation>
        </message>
        <message>
            <source>The camera address {spec} is not understood; use usb:0, rtsp://…, file:… or sim:….</source>
            <translation>无法识别摄像头地址 {spec}，请使用 usb:0、rtsp://…、file:… 或 sim:… 格式。</translation>
        </message>
        <message>
            <source>{name} (simulated)</source>
            <translation>{name}（模拟）</translation>
        </message>
        <message>
            <source>Camera {camera} is not open.</source>
            <translation>摄像头 {camera} 未打开。</translation>
        </message>
        <message>
            <source>Camera {camera} stopped sending pictures.</source>
            <translation>摄像头 {camera} 已停止传送画面。</translation>
        </message>
        <message>
            <source>The video library {library} is not installed.</source>
            <translation>本机未安装视频库 {library}。</translation>
        </message>
        <message>
            <source>The video file {path} has ended.</source>
            <translation>视频文件 {path} 已播放完毕。</translation>
        </message>
        <message>
            <source>Camera {camera} has no video stream.</source>
            <translation>摄像头 {camera} 没有视频流。</translation>
        </message>
        <message>
            <source>Camera {camera} sent no picture for {seconds} seconds.</source>
            <translation>摄像头 {camera} 已 {seconds} 秒没有传来画面。</translation>
        </message>
        <message>
            <source>Camera {camera} refused the user name or password.</source>
            <translation>摄像头 {camera} 拒绝了用户名或密码。</translation>
        </message>
        <message>
            <source>Camera {camera} has no stream at this address; check the path.</source>
            <translation>摄像头 {camera} 在此地址上没有视频流，请检查路径。</translation>
        </message>
        <message>
            <source>Camera {camera} does not answer; check its power, the network cable and the address.</source>
            <translation>摄像头 {camera} 无响应，请检查电源、网线和地址。</translation>
        </message>
        <message>
            <source>The video file {path} cannot be played.</source>
            <translation>无法播放视频文件 {path}。</translation>
        </message>
        <message>
            <source>simulated</source>
            <translation>模拟</translation>
        </message>
        <message>
            <source>There is no simulated camera called {name}.</source>
            <translation>没有名为 {name} 的模拟摄像头。</translation>
        </message>
        <message>
            <source>Camera {camera} is not connected.</source>
            <translation>摄像头 {camera} 未连接。</translation>
        </message>
        <message>
            <source>Camera {camera} was unplugged.</source>
            <translation>摄像头 {camera} 已被拔出。</translation>
        </message>
        <message>
            <source>Camera {camera} is not connected or another program is using it.</source>
            <translation>摄像头 {camera} 未连接，或正被其他程序占用。</translation>
        </message>
        <message>
            <source>Connecting to camera {camera}…</source>
            <translation>正在连接摄像头 {camera}…</translation>
        </message>
        <message>
            <source>Camera {camera} is disconnected; reconnecting… ({reason})</source>
            <translation>摄像头 {camera} 已断开，正在重新连接…（{reason}）</translation>
        </message>
        <message>
            <source>Camera {camera} is not available; retrying… ({reason})</source>
            <translation>摄像头 {camera} 不可用，正在重试…（{reason}）</translation>
        </message>
        <message>
            <source>Camera {camera} is stopped.</source>
            <translation>摄像头 {camera} 已停止。</translation>
        </message>
        <message>
            <source>Camera {camera} is live.</source>
            <translation>摄像头 {camera} 已连接，画面正常。</translation>
        </message>
        <message>
            <location filename="drivers/face/__init__.py" line="30" />
            <source>The face recognition library ({library}) is not installed.</source>
            <translation>未安装人脸识别库（{library}）。</translation>
        </message>
        <message>
            <location filename="drivers/face/errors.py" line="26" />
            <source>No face was found in the picture.</source>
            <translation>画面中没有找到人脸。</translation>
        </message>
        <message>
            <location filename="drivers/face/errors.py" line="34" />
            <source>{count} faces are in the picture; only the candidate may be in front of the camera.</source>
            <translation>画面中有 {count} 张人脸；镜头前只能有考生本人。</translation>
        </message>
        <message>
            <location filename="drivers/face/errors.py" line="43" />
            <source>The face is too small ({height} px high, at least {minimum} px are needed).</source>
            <translation>人脸太小（高 {height} 像素，至少需要 {minimum} 像素）。</translation>
        </message>
        <message>
            <location filename="drivers/face/errors.py" line="52" />
            <source>The face is blurred (sharpness {sharpness}, at least {minimum} is needed).</source>
            <translation>人脸模糊（清晰度 {sharpness}，至少需要 {minimum}）。</translation>
        </message>
        <message>
            <location filename="drivers/face/errors.py" line="61" />
            <source>The face is too dark or too bright (brightness {brightness}, between {low} and {high} is needed).</source>
            <translation>人脸过暗或过亮（亮度 {brightness}，需要在 {low} 到 {high} 之间）。</translation>
        </message>
        <message>
            <location filename="app/services/documents.py" />
            <source>Unknown document format {format}: use pdf or xlsx.</source>
            <translation>未知的文件格式 {format}：请使用 pdf 或 xlsx。</translation>
        </message>
        <message>
            <location filename="app/services/documents.py" />
            <source>Room {room} is not used in session {session}.</source>
            <translation>场次 {session} 没有使用考场 {room}。</translation>
        </message>
        <message>
            <location filename="app/services/documents.py" />
            <source>Cannot write {path}: {reason}</source>
            <translation>无法写入 {path}：{reason}</translation>
        </message>
        <message>
            <location filename="app/services/documents.py" />
            <source>No exam package has been imported yet.</source>
            <translation>尚未导入考务数据包。</translation>
        </message>
        <message>
            <location filename="app/cli/documents_cmd.py" />
            <source>Wrote {count} admission tickets ({pages} pages) to {path}.</source>
            <translation>已将 {count} 张准考证（共 {pages} 页）写入 {path}。</translation>
        </message>
        <message>
            <location filename="app/cli/documents_cmd.py" />
            <source>Wrote the sign-in sheet of room {room} in session {session} ({count} candidates) to {path}.</source>
            <translation>已将场次 {session} 考场 {room} 的签到表（{count} 名考生）写入 {path}。</translation>
        </message>
        <message>
            <location filename="app/cli/documents_cmd.py" />
            <source>Password of {staff_no}: </source>
            <translation>{staff_no} 的密码：</translation>
        </message>
        <message>
            <location filename="app/simulation/checkin_stage.py" line="161" />
            <source>{checked_in} checked in ({late} late, admitted by the chief proctor), {absent} absent; forged ticket refused: {forged}; a stranger with a real ticket refused (face distance {distance})</source>
            <translation>{checked_in} 人已检录（{late} 人迟到，经主监考放行），{absent} 人缺考；伪造准考证被拒：{forged}；持他人真实准考证者被拒（人脸距离 {distance}）</translation>
        </message>
        <message>
            <location filename="app/simulation/day.py" line="54" />
            <source>Check-in at the door</source>
            <translation>考场入口检录</translation>
        </message>
        <message>
            <location filename="drivers/imaging.py" line="16" />
            <source>The picture cannot be read: it is damaged or not an image.</source>
            <translation>无法读取图片：文件已损坏或不是图片。</translation>
        </message>
        <message>
            <location filename="drivers/imaging.py" line="24" />
            <source>The picture cannot be saved as JPEG.</source>
            <translation>无法将图片保存为 JPEG。</translation>
        </message>
        <message>
            <source>There are no scores to combine.</source>
            <translation>没有可合成的分数。</translation>
        </message>
        <message>
            <source>Task {task} has no rubric item {item}.</source>
            <translation>试题 {task} 的评分细则中没有评分项 {item}。</translation>
        </message>
        <message>
            <source>Item {item} takes 0 to {max} points.</source>
            <translation>评分项 {item} 的分值为 0 至 {max} 分。</translation>
        </message>
        <message>
            <source>Veto item {item} is either marked or not.</source>
            <translation>否决项 {item} 只能为“触发”或“未触发”。</translation>
        </message>
        <message>
            <source>Item {item} is marked in steps of {step} points.</source>
            <translation>评分项 {item} 须按 {step} 分的步长给分。</translation>
        </message>
        <message>
            <source>Items not yet marked: {items}.</source>
            <translation>尚未评分的项目：{items}。</translation>
        </message>
        <message>
            <source>Dropping the highest and the lowest score needs at least three examiners.</source>
            <translation>去掉最高分和最低分至少需要三名考评员。</translation>
        </message>
        <message>
            <source>Please sign by hand on the pad first.</source>
            <translation>请先在签名板上手写签名。</translation>
        </message>
        <message>
            <source>The handwritten signature is damaged.</source>
            <translation>手写签名数据已损坏。</translation>
        </message>
        <message>
            <source>The PIN does not unlock this examiner's signing key.</source>
            <translation>该 PIN 码无法解锁此考评员的签名密钥。</translation>
        </message>
        <message>
            <source>it is marked signed but has no signature.</source>
            <translation>标记为已签名，但没有签名记录。</translation>
        </message>
        <message>
            <source>it has a signature but is no longer marked signed.</source>
            <translation>存在签名记录，但已不再标记为已签名。</translation>
        </message>
        <message>
            <source>it was not signed by its examiner's enrolled key.</source>
            <translation>并非由该考评员登记的密钥签名。</translation>
        </message>
        <message>
            <source>its marks, total or handwriting differ from what the examiner signed.</source>
            <translation>其评分、总分或手写签名与考评员签署的内容不一致。</translation>
        </message>
        <message>
            <source>it has no signature.</source>
            <translation>没有签名记录。</translation>
        </message>
        <message>
            <source>it was not signed by the examiner lead's enrolled key.</source>
            <translation>并非由考评组长登记的密钥签名。</translation>
        </message>
        <message>
            <source>its score or reason differ from what the examiner lead signed.</source>
            <translation>其分数或理由与考评组长签署的内容不一致。</translation>
        </message>
        <message>
            <source>its entries are unreadable.</source>
            <translation>其评分记录无法读取。</translation>
        </message>
        <message>
            <source>A resolution needs a reason.</source>
            <translation>裁定必须填写理由。</translation>
        </message>
        <message>
            <source>Session {session} has no practical task {task}.</source>
            <translation>场次 {session} 没有操作技能试题 {task}。</translation>
        </message>
        <message>
            <source>{name} was absent from this session.</source>
            <translation>{name} 本场次缺考。</translation>
        </message>
        <message>
            <source>Candidate {ticket} is not in a room you examine.</source>
            <translation>考生 {ticket} 不在您负责评分的考场。</translation>
        </message>
        <message>
            <source>{signed} of {required} examiners have signed: the result is not ready.</source>
            <translation>{required} 名考评员中已有 {signed} 名签名：成绩尚未生成。</translation>
        </message>
        <message>
            <source>Score sheet {sheet} fails verification: {problem}</source>
            <translation>评分表 {sheet} 校验失败：{problem}</translation>
        </message>
        <message>
            <source>Score resolution {resolution} fails verification: {problem}</source>
            <translation>评分裁定 {resolution} 校验失败：{problem}</translation>
        </message>
        <message>
            <source>There is no unsigned score sheet to sign.</source>
            <translation>没有待签名的评分表。</translation>
        </message>
        <message>
            <source>The examiners' scores need no resolution.</source>
            <translation>考评员的评分无需裁定。</translation>
        </message>
        <message>
            <source>The score must be between 0 and {max}, to 0.01 at most.</source>
            <translation>分数须在 0 至 {max} 之间，最多精确到 0.01。</translation>
        </message>
        <message>
            <source>A signed score sheet cannot be changed: a correction needs a reason.</source>
            <translation>已签名的评分表不能修改：更正必须填写理由。</translation>
        </message>
        <message>
            <source>the signed sheet is missing.</source>
            <translation>已签名的评分表缺失。</translation>
        </message>
        <message>
            <location filename="app/cli/video_cmd.py" line="85" />
            <source>Recording {source} into {path}.</source>
            <translation>正在将 {source} 录制到 {path}。</translation>
        </message>
        <message>
            <location filename="app/cli/video_cmd.py" line="98" />
            <source>Recorded {segments} segments ({seconds} s) with {gaps} gaps; the manifest is sealed and signed.</source>
            <translation>已录制 {segments} 个片段（{seconds} 秒），中断 {gaps} 次；清单已封存并签名。</translation>
        </message>
        <message>
            <location filename="app/cli/video_cmd.py" line="138" />
            <source>NOT VERIFIED. First problem: {message}</source>
            <translation>校验未通过。第一个问题：{message}</translation>
        </message>
        <message>
            <location filename="app/cli/video_cmd.py" line="65" />
            <source>{path} already holds a recording; choose a new directory.</source>
            <translation>{path} 中已有录像，请选择一个新目录。</translation>
        </message>
        <message>
            <location filename="app/cli/video_cmd.py" line="74" />
            <source>No site key is available: signed with a key made for this recording ({file}). This proves the video was not changed afterwards, not who recorded it.</source>
            <translation>没有可用的考点密钥：已用为本次录制生成的密钥签名（{file}）。这只能证明录像事后未被改动，不能证明由谁录制。</translation>
        </message>
        <message>
            <location filename="app/cli/video_cmd.py" line="110" />
            <source>There is no directory {path}.</source>
            <translation>目录 {path} 不存在。</translation>
        </message>
        <message>
            <location filename="app/cli/video_cmd.py" line="125" />
            <source>Segment {file} was being written when the recording stopped; it is not signed and is not evidence.</source>
            <translation>录制停止时片段 {file} 正在写入；它没有签名，不能作为证据。</translation>
        </message>
        <message>
            <location filename="app/cli/video_cmd.py" line="131" />
            <source>Verified: {segments} segments ({seconds} s), {gaps} gaps, {markers} markers; chain and signature intact; the session is sealed.</source>
            <translation>校验通过：{segments} 个片段（{seconds} 秒），中断 {gaps} 次，标记 {markers} 个；哈希链与签名完好；场次已封存。</translation>
        </message>
        <message>
            <location filename="app/cli/video_cmd.py" line="134" />
            <source>Verified: {segments} segments ({seconds} s), {gaps} gaps, {markers} markers; chain and signature intact; the session is not sealed yet.</source>
            <translation>校验通过：{segments} 个片段（{seconds} 秒），中断 {gaps} 次，标记 {markers} 个；哈希链与签名完好；场次尚未封存。</translation>
        </message>
        <message>
            <location filename="app/cli/video_cmd.py" line="121" />
            <source>No site key is available: checked against the key recorded in the directory itself, which proves the video was not changed, not who recorded it.</source>
            <translation>没有可用的考点密钥：已用目录中记录的密钥校验，这只能证明录像未被改动，不能证明由谁录制。</translation>
        </message>
        <message>
            <location filename="app/cli/video_cmd.py" line="115" />
            <source>The public key must be 64 hexadecimal digits.</source>
            <translation>公钥必须是 64 位十六进制数字。</translation>
        </message>
        <message>
            <location filename="app/video/manifest.py" line="185" />
            <source>The signature on the head of the manifest is not valid for this key.</source>
            <translation>清单头部的签名与此密钥不符。</translation>
        </message>
        <message>
            <location filename="app/video/manifest.py" line="217" />
            <source>The manifest has {found} entries but its signed head counts {signed}.</source>
            <translation>清单只有 {found} 条记录，但已签名的头部记为 {signed} 条。</translation>
        </message>
        <message>
            <location filename="app/video/manifest.py" line="221" />
            <source>Entry {number} of the manifest was changed, removed or moved.</source>
            <translation>清单第 {number} 条记录被修改、删除或移动。</translation>
        </message>
        <message>
            <location filename="app/video/manifest.py" line="228" />
            <source>Entry {number} of the manifest was added after the seal.</source>
            <translation>清单第 {number} 条记录是在封存之后添加的。</translation>
        </message>
        <message>
            <location filename="app/video/manifest.py" line="178" />
            <source>The signed head of the manifest is missing.</source>
            <translation>清单的签名头部缺失。</translation>
        </message>
        <message>
            <location filename="app/video/manifest.py" line="181" />
            <source>The signed head of the manifest is damaged.</source>
            <translation>清单的签名头部已损坏。</translation>
        </message>
        <message>
            <location filename="app/video/manifest.py" line="197" />
            <source>The manifest {file} is missing.</source>
            <translation>清单 {file} 缺失。</translation>
        </message>
        <message>
            <location filename="app/video/manifest.py" line="278" />
            <source>Segment {file} is missing.</source>
            <translation>片段 {file} 缺失。</translation>
        </message>
        <message>
            <location filename="app/video/manifest.py" line="285" />
            <source>Segment {file} holds the video of segment {other}: the segments were reordered.</source>
            <translation>片段 {file} 中是片段 {other} 的录像：片段顺序被调换。</translation>
        </message>
        <message>
            <location filename="app/video/manifest.py" line="288" />
            <source>Segment {file} was modified.</source>
            <translation>片段 {file} 被修改过。</translation>
        </message>
        <message>
            <location filename="app/video/manifest.py" line="297" />
            <source>Segment {file} is not in the manifest: it was inserted.</source>
            <translation>片段 {file} 不在清单中：它是被插入的。</translation>
        </message>
        <message>
            <location filename="drivers/recorder/segment_recorder.py" line="226" />
            <source>Camera {camera} sent nothing for {seconds} seconds.</source>
            <translation>摄像头 {camera} 已 {seconds} 秒没有发送任何数据。</translation>
        </message>
        <message>
            <source>The signature recorded in audit event {seq} ({subject}) is missing.</source>
            <translation>审计事件 {seq}（{subject}）记录的签名已缺失。</translation>
        </message>
        <message>
            <source>Too many wrong PINs: signing is locked for a few minutes.</source>
            <translation>PIN 码错误次数过多：签名功能已锁定几分钟。</translation>
        </message>
        <message>
            <location filename="app/cli/video_cmd.py" line="75" />
            <source>Only a recording signed with the site key can be resumed; record into a new directory.</source>
            <translation>只有用考点密钥签名的录像才能续录，请录制到一个新目录。</translation>
        </message>
        <message>
            <location filename="app/cli/video_cmd.py" line="80" />
            <source>The recording in {path} does not verify, so it cannot be resumed: {message}</source>
            <translation>{path} 中的录像未通过校验，不能续录：{message}</translation>
        </message>
        <message>
            <source>Session {session} has no practical room {room}.</source>
            <translation>场次 {session} 没有操作技能考场 {room}。</translation>
        </message>
        <message>
            <source>No score sheet has been signed in room {room} yet.</source>
            <translation>考场 {room} 尚无已签名的评分表。</translation>
        </message>
        <message>
            <source>The countersignature of {room} fails verification: {problem}</source>
            <translation>{room} 的督导会签校验失败：{problem}</translation>
        </message>
        <message>
            <source>it was not signed by the supervisor's enrolled key.</source>
            <translation>并非由督导员登记的密钥签名。</translation>
        </message>
        <message>
            <source>the room's signed sheets differ from what the supervisor countersigned.</source>
            <translation>该考场已签名的评分表与督导员会签的内容不一致。</translation>
        </message>
        <message>
            <source>its room is not in the plan.</source>
            <translation>其考场不在考核计划中。</translation>
        </message>
        <message>
            <location filename="app/cli/verify_cmd.py" line="44" />
            <source>Every score sheet, resolution and countersignature verifies.</source>
            <translation>所有评分表、裁定和会签的签名均核验通过。</translation>
        </message>
        <message>
            <location filename="app/cli/verify_cmd.py" line="51" />
            <source>{count} video sessions verify.</source>
            <translation>{count} 个录像场次核验通过。</translation>
        </message>
        <message>
            <location filename="app/cli/verify_cmd.py" line="36" />
            <source>VERIFICATION FAILED: {problem}</source>
            <translation>核验失败：{problem}</translation>
        </message>
        <message>
            <location filename="app/bank/qti.py" line="96" />
            <source>{what} is not a number: {value}</source>
            <translation>{what} 不是数字：{value}</translation>
        </message>
        <message>
            <location filename="app/bank/qti.py" line="128" />
            <source>its namespace {namespace} is not QTI 2.x or 3.0</source>
            <translation>其命名空间 {namespace} 不是 QTI 2.x 或 3.0</translation>
        </message>
        <message>
            <location filename="app/bank/qti.py" line="130" />
            <source>it is adaptive (several attempts with feedback)</source>
            <translation>该题为自适应题（多次作答并反馈）</translation>
        </message>
        <message>
            <location filename="app/bank/qti.py" line="132" />
            <source>its content is generated by template processing</source>
            <translation>该题内容由模板处理（templateProcessing）生成</translation>
        </message>
        <message>
            <location filename="app/bank/qti.py" line="135" />
            <source>it has no item body</source>
            <translation>该题没有题干部分（itemBody）</translation>
        </message>
        <message>
            <location filename="app/bank/qti.py" line="140" />
            <source>it has no interaction</source>
            <translation>该题没有交互</translation>
        </message>
        <message>
            <location filename="app/bank/qti.py" line="143" />
            <source>it has {count} interactions ({kinds}); only items with one choiceInteraction are imported</source>
            <translation>该题有 {count} 个交互（{kinds}）；只导入仅含一个 choiceInteraction 的试题</translation>
        </message>
        <message>
            <location filename="app/bank/qti.py" line="147" />
            <source>its {interaction} is not a choiceInteraction</source>
            <translation>其 {interaction} 不是选择交互（choiceInteraction）</translation>
        </message>
        <message>
            <location filename="app/bank/qti.py" line="151" />
            <source>the response {response} is not declared</source>
            <translation>作答 {response} 没有声明</translation>
        </message>
        <message>
            <location filename="app/bank/qti.py" line="154" />
            <source>its response has {cardinality} cardinality</source>
            <translation>其作答的基数为 {cardinality}</translation>
        </message>
        <message>
            <location filename="app/bank/qti.py" line="159" />
            <source>its choices are fewer than two or their identifiers are missing or repeated</source>
            <translation>选项少于两个，或选项标识缺失、重复</translation>
        </message>
        <message>
            <location filename="app/bank/qti.py" line="163" />
            <source>its correct response names a choice the item does not have</source>
            <translation>正确答案引用了该题没有的选项</translation>
        </message>
        <message>
            <location filename="app/bank/qti.py" line="165" />
            <source>its correct response has several values for a single-choice response</source>
            <translation>单选作答的正确答案有多个值</translation>
        </message>
        <message>
            <location filename="app/bank/qti.py" line="191" />
            <source>it cannot award any points</source>
            <translation>该题无法得分</translation>
        </message>
        <message>
            <location filename="app/bank/qti.py" line="193" />
            <source>no response earns points</source>
            <translation>任何作答都不得分</translation>
        </message>
        <message>
            <location filename="app/bank/qti.py" line="231" />
            <source>{path} is not a QTI assessment item.</source>
            <translation>{path} 不是 QTI 试题。</translation>
        </message>
        <message>
            <location filename="app/bank/qti.py" line="172" />
            <source>match_correct scoring needs a correct response</source>
            <translation>match_correct 计分需要正确答案</translation>
        </message>
        <message>
            <location filename="app/bank/qti.py" line="221" />
            <source>the package lists it as an item but it is a {element}</source>
            <translation>数据包将其列为试题，但它是 {element}</translation>
        </message>
        <message>
            <location filename="app/bank/qti_convert.py" line="96" />
            <source>its correct response scores {score}, not its best score {best}</source>
            <translation>正确答案得 {score} 分，而不是该题最高分 {best}</translation>
        </message>
        <message>
            <location filename="app/bank/qti_convert.py" line="101" />
            <source>its stem or a choice is empty or longer than a paper allows</source>
            <translation>题干或某个选项为空或超出试卷允许的长度</translation>
        </message>
        <message>
            <location filename="app/bank/qti_convert.py" line="106" />
            <source>a single-choice item needs exactly one correct choice</source>
            <translation>单选题必须恰好有一个正确选项</translation>
        </message>
        <message>
            <location filename="app/bank/qti_scoring.py" line="207" />
            <source>it has no response processing, so it is not scored</source>
            <translation>该题没有作答处理（responseProcessing），不计分</translation>
        </message>
        <message>
            <location filename="app/bank/qti_scoring.py" line="225" />
            <source>its custom response processing is not one of the standard templates</source>
            <translation>该题的自定义作答处理不属于标准模板</translation>
        </message>
        <message>
            <location filename="app/bank/qti_scoring.py" line="232" />
            <source>map_response scoring needs a mapping in the response declaration</source>
            <translation>map_response 计分需要作答声明中的映射表（mapping）</translation>
        </message>
        <message>
            <location filename="app/bank/qti_scoring.py" line="241" />
            <source>a key appears twice in the mapping</source>
            <translation>映射表中有重复的键</translation>
        </message>
        <message>
            <location filename="app/bank/qti_scoring.py" line="247" />
            <source>the mapping's lowerBound is above its upperBound</source>
            <translation>映射表的下限（lowerBound）高于上限（upperBound）</translation>
        </message>
        <message>
            <location filename="app/bank/qti_scoring.py" line="220" />
            <source>the template scores RESPONSE but the interaction answers {response}</source>
            <translation>模板对 RESPONSE 计分，但交互的作答是 {response}</translation>
        </message>
        <message>
            <location filename="app/bank/qti_scoring.py" line="237" />
            <source>a mapping entry has no key</source>
            <translation>映射表中有条目缺少键</translation>
        </message>
        <message>
            <location filename="app/bank/qti_scoring.py" line="216" />
            <source>map_response_point scoring (points on an image) is out of scope</source>
            <translation>map_response_point 计分（图上取点）不在支持范围内</translation>
        </message>
        <message>
            <location filename="app/bank/qti_scoring.py" line="218" />
            <source>the response-processing template {template} is not supported</source>
            <translation>不支持作答处理模板 {template}</translation>
        </message>
        <message>
            <location filename="app/bank/qti_sources.py" line="41" />
            <source>Cannot read {path}: {detail}</source>
            <translation>无法读取 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="app/bank/qti_sources.py" line="55" />
            <source>the member {member} is too large</source>
            <translation>成员 {member} 太大</translation>
        </message>
        <message>
            <location filename="app/bank/qti_sources.py" line="57" />
            <source>the member {member} is compressed suspiciously well</source>
            <translation>成员 {member} 的压缩比异常</translation>
        </message>
        <message>
            <location filename="app/bank/qti_sources.py" line="61" />
            <source>the member {member} is not the size it claims</source>
            <translation>成员 {member} 的实际大小与声明不符</translation>
        </message>
        <message>
            <location filename="app/bank/qti_sources.py" line="68" />
            <source>the package is larger than a QTI package may be</source>
            <translation>数据包超出 QTI 数据包的大小上限</translation>
        </message>
        <message>
            <location filename="app/bank/qti_sources.py" line="72" />
            <source>{path} holds a file named {member}, which could be written outside its folder; the package is refused.</source>
            <translation>{path} 含有名为 {member} 的文件，可能被写到其文件夹之外；已拒绝该数据包。</translation>
        </message>
        <message>
            <location filename="app/bank/qti_sources.py" line="90" />
            <source>it is not a ZIP file</source>
            <translation>不是 ZIP 文件</translation>
        </message>
        <message>
            <location filename="app/bank/qti_sources.py" line="94" />
            <source>it has no imsmanifest.xml, so it is not an IMS content package</source>
            <translation>缺少 imsmanifest.xml，不是 IMS 内容包</translation>
        </message>
        <message>
            <location filename="app/bank/qti_sources.py" line="142" />
            <source>permission denied</source>
            <translation>没有访问权限</translation>
        </message>
        <message>
            <location filename="app/bank/qti_sources.py" line="140" />
            <source>there is no such file or folder</source>
            <translation>文件或文件夹不存在</translation>
        </message>
        <message>
            <location filename="app/bank/qti_sources.py" line="122" />
            <source>the file is too large for a QTI item</source>
            <translation>文件太大，不像 QTI 试题</translation>
        </message>
        <message>
            <location filename="app/bank/qti_sources.py" line="106" />
            <source>its href leaves the package</source>
            <translation>其 href 指向数据包之外</translation>
        </message>
        <message>
            <location filename="app/bank/qti_sources.py" line="108" />
            <source>the manifest names it but the package does not hold it</source>
            <translation>清单列出了它，但数据包中没有该文件</translation>
        </message>
        <message>
            <location filename="app/bank/qti_xml.py" line="44" />
            <source>{file} is larger than a QTI item may be ({limit} MiB).</source>
            <translation>{file} 超出 QTI 试题的大小上限（{limit} MiB）。</translation>
        </message>
        <message>
            <location filename="app/bank/qti_xml.py" line="54" />
            <source>{file} declares a DTD or entities; such XML is refused because it can expand without limit or read other files.</source>
            <translation>{file} 声明了 DTD 或实体；此类 XML 可能无限膨胀或读取其他文件，已拒绝。</translation>
        </message>
        <message>
            <location filename="app/bank/qti_xml.py" line="57" />
            <source>{file} is not well-formed XML: {detail}</source>
            <translation>{file} 不是格式正确的 XML：{detail}</translation>
        </message>
        <message>
            <location filename="app/bench/lan.py" line="89" />
            <source>The LAN server process did not start: {output}</source>
            <translation>局域网服务进程未能启动：{output}</translation>
        </message>
        <message>
            <location filename="app/bench/video.py" line="102" />
            <source>Making the 1080p test clip once (about a minute)…</source>
            <translation>正在生成 1080p 测试视频（只需一次，约一分钟）…</translation>
        </message>
        <message>
            <location filename="app/bench/video.py" line="151" />
            <source>The video bench needs the RTSP test server: pip install aio-rtsp-toolkit.</source>
            <translation>视频基准测试需要 RTSP 测试服务器：pip install aio-rtsp-toolkit。</translation>
        </message>
        <message>
            <location filename="app/bench/video.py" line="192" />
            <source>{streams} streams recording; measuring {seconds} s…</source>
            <translation>{streams} 路视频流正在录像；测量 {seconds} 秒…</translation>
        </message>
        <message>
            <location filename="app/bench/video.py" line="191" />
            <source>Not every stream was recording within 60 s.</source>
            <translation>60 秒内并非所有视频流都开始录像。</translation>
        </message>
        <message>
            <location filename="app/bench/video.py" line="201" />
            <source>The recorder process died during the bench.</source>
            <translation>测试期间录像进程意外退出。</translation>
        </message>
        <message>
            <location filename="app/bench/video.py" line="135" />
            <source>The RTSP test server did not start.</source>
            <translation>RTSP 测试服务器未能启动。</translation>
        </message>
        <message>
            <location filename="app/cli/bank_cmd.py" line="61" />
            <source>{items} items imported, {skipped} skipped, from {files} files.</source>
            <translation>共 {files} 个文件：导入 {items} 道题，跳过 {skipped} 道。</translation>
        </message>
        <message>
            <location filename="app/cli/bank_cmd.py" line="82" />
            <source>Paper {code} with {count} items written to {path}.</source>
            <translation>试卷 {code}（{count} 道题）已写入 {path}。</translation>
        </message>
        <message>
            <location filename="app/cli/bank_cmd.py" line="50" />
            <source>{count} XML files are not assessment items (tests, manifests…) and were left aside.</source>
            <translation>{count} 个 XML 文件不是试题（试卷结构、清单等），已略过。</translation>
        </message>
        <message>
            <location filename="app/cli/bank_cmd.py" line="70" />
            <source>Left out of the paper {item}: {reason}</source>
            <translation>未放入试卷 {item}：{reason}</translation>
        </message>
        <message>
            <location filename="app/cli/bank_cmd.py" line="76" />
            <source>None of the items fits a paper; {path} was not written.</source>
            <translation>没有试题可放入试卷，未写入 {path}。</translation>
        </message>
        <message>
            <location filename="app/cli/bank_cmd.py" line="94" />
            <source>No choice item could be imported from {path}.</source>
            <translation>{path} 中没有可导入的选择题。</translation>
        </message>
        <message>
            <location filename="app/cli/bank_cmd.py" line="45" />
            <source>Skipped {item} ({file}): {reason}</source>
            <translation>已跳过 {item}（{file}）：{reason}</translation>
        </message>
        <message>
            <location filename="app/cli/bank_cmd.py" line="48" />
            <source>Skipped {file}: {reason}</source>
            <translation>已跳过 {file}：{reason}</translation>
        </message>
        <message>
            <location filename="app/cli/bank_cmd.py" line="55" />
            <source>identifier</source>
            <translation>标识</translation>
        </message>
        <message>
            <location filename="app/cli/bank_cmd.py" line="55" />
            <source>type</source>
            <translation>题型</translation>
        </message>
        <message>
            <location filename="app/cli/bank_cmd.py" line="55" />
            <source>choices</source>
            <translation>选项数</translation>
        </message>
        <message>
            <location filename="app/cli/bank_cmd.py" line="55" />
            <source>correct</source>
            <translation>正确答案</translation>
        </message>
        <message>
            <location filename="app/cli/bank_cmd.py" line="56" />
            <source>max score</source>
            <translation>满分</translation>
        </message>
        <message>
            <location filename="app/cli/bank_cmd.py" line="56" />
            <source>stem</source>
            <translation>题干</translation>
        </message>
        <message>
            <location filename="app/cli/bank_cmd.py" line="73" />
            <source>{item} gives partial credit: the paper grades it all or nothing; the exact mapping is kept under "qti" in {path}.</source>
            <translation>{item} 有部分得分：试卷按全对才得分评分；精确的映射表保存在 {path} 的 "qti" 中。</translation>
        </message>
        <message>
            <location filename="app/cli/bank_cmd.py" line="80" />
            <source>Cannot write {path}: {detail}</source>
            <translation>无法写入 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="app/cli/documents_cmd.py" line="86" />
            <source>Wrote {pages} score sheets of {count} candidates to {path}; {waiting} results are not complete yet.</source>
            <translation>已将 {count} 名考生的 {pages} 份评分记录表写入 {path}；另有 {waiting} 项成绩尚未完成签字。</translation>
        </message>
        <message>
            <location filename="app/cli/host_cmd.py" line="36" />
            <source>Certificate SHA-256 {fingerprint}</source>
            <translation>证书 SHA-256 {fingerprint}</translation>
        </message>
        <message>
            <location filename="app/cli/host_cmd.py" line="37" />
            <source>Site host running: LAN API on {url}; recorder {state}.</source>
            <translation>考点主机运行中：局域网接口 {url}；录像进程{state}。</translation>
        </message>
        <message>
            <location filename="app/cli/host_cmd.py" line="38" />
            <source>supervised</source>
            <translation>受监管运行</translation>
        </message>
        <message>
            <location filename="app/cli/host_cmd.py" line="38" />
            <source>not started</source>
            <translation>未启动</translation>
        </message>
        <message>
            <location filename="app/cli/lan_cmd.py" line="73" />
            <source>Enrolment code {code} (valid 10 minutes, once).</source>
            <translation>注册码 {code}（10 分钟内有效，仅可使用一次）。</translation>
        </message>
        <message>
            <location filename="app/cli/lan_cmd.py" line="74" />
            <source>The site host's certificate SHA-256 begins {prefix}.</source>
            <translation>考点主机证书的 SHA-256 以 {prefix} 开头。</translation>
        </message>
        <message>
            <location filename="app/cli/lan_cmd.py" line="95" />
            <source>Device {number} revoked.</source>
            <translation>设备 {number} 已吊销。</translation>
        </message>
        <message>
            <location filename="app/cli/lan_cmd.py" line="51" />
            <source>LAN API listening on {url}</source>
            <translation>局域网接口正在 {url} 上监听</translation>
        </message>
        <message>
            <location filename="app/cli/terminal_cmd.py" line="55" />
            <source>One-time enrolment code: </source>
            <translation>一次性注册码：</translation>
        </message>
        <message>
            <location filename="app/cli/terminal_cmd.py" line="59" />
            <source>Enrolled as device {device} of site {site}.</source>
            <translation>已注册为考点 {site} 的设备 {device}。</translation>
        </message>
        <message>
            <location filename="app/cli/terminal_cmd.py" line="70" />
            <source>Demo terminal: the room starts in one minute. Proctor code {code}.</source>
            <translation>演示考试机：考场将在一分钟后开考。监考员代码 {code}。</translation>
        </message>
        <message>
            <location filename="app/cli/terminal_cmd.py" line="72" />
            <source>  ticket {ticket}, ID number ending {last6}: {name}</source>
            <translation>  准考证号 {ticket}，身份证号后 6 位 {last6}：{name}</translation>
        </message>
        <message>
            <location filename="app/cli/video_admin.py" line="100" />
            <source>Free {free} of {total}; writing {rate} Mbit/s.</source>
            <translation>共 {total}，剩余 {free}；写入速率 {rate} Mbit/s。</translation>
        </message>
        <message>
            <location filename="app/cli/video_admin.py" line="155" />
            <source>Exported {segments} segments ({size}) to {path}; the copy verifies.</source>
            <translation>已将 {segments} 个分段（{size}）导出到 {path}；副本校验通过。</translation>
        </message>
        <message>
            <location filename="app/cli/video_admin.py" line="66" />
            <source>No ONVIF camera answered. Discovery does not cross routers: enter cameras on other subnets by address (--address).</source>
            <translation>没有 ONVIF 摄像头应答。自动发现不能跨路由器：其他网段的摄像头请按地址输入（--address）。</translation>
        </message>
        <message>
            <location filename="app/cli/video_admin.py" line="72" />
            <source>Camera {name} at {address}</source>
            <translation>摄像头 {name}，地址 {address}</translation>
        </message>
        <message>
            <location filename="app/cli/video_admin.py" line="86" />
            <source>Give --user and set {env} to list each camera's stream addresses.</source>
            <translation>请提供 --user 并设置 {env}，以列出每台摄像头的码流地址。</translation>
        </message>
        <message>
            <location filename="app/cli/video_admin.py" line="122" />
            <source>Deleted {count} sessions ({size}); each deletion is in the audit trail.</source>
            <translation>已删除 {count} 个场次（{size}）；每次删除都已记入审计日志。</translation>
        </message>
        <message>
            <location filename="app/cli/video_admin.py" line="126" />
            <source>{count} sessions ({size}) may be deleted; run again with --apply to delete them.</source>
            <translation>有 {count} 个场次（{size}）可以删除；加 --apply 再次运行即可删除。</translation>
        </message>
        <message>
            <location filename="app/cli/video_cmd.py" line="213" />
            <source>Camera {camera} registered for room {room}.</source>
            <translation>摄像头 {camera} 已登记到考场 {room}。</translation>
        </message>
        <message>
            <location filename="app/cli/video_cmd.py" line="223" />
            <source>Camera {camera} removed.</source>
            <translation>摄像头 {camera} 已移除。</translation>
        </message>
        <message>
            <location filename="app/cli/video_cmd.py" line="236" />
            <source>disabled</source>
            <translation>已停用</translation>
        </message>
        <message>
            <location filename="app/client/http.py" line="157" />
            <source>The computer that answered is not the site host that issued this code: enrolment stopped. Tell the site administrator.</source>
            <translation>应答的计算机不是签发此注册码的考点主机：注册已中止。请告知考点管理员。</translation>
        </message>
        <message>
            <location filename="app/client/http.py" line="101" />
            <source>The site host cannot answer right now ({status}).</source>
            <translation>考点主机暂时无法应答（{status}）。</translation>
        </message>
        <message>
            <location filename="app/client/http.py" line="139" />
            <source>The site host cannot be reached ({detail}).</source>
            <translation>无法连接考点主机（{detail}）。</translation>
        </message>
        <message>
            <location filename="app/client/http.py" line="71" />
            <source>A TLS connection to the site host needs its pinned certificate: enrol again.</source>
            <translation>与考点主机的 TLS 连接需要已固定的证书：请重新注册。</translation>
        </message>
        <message>
            <location filename="app/client/http.py" line="106" />
            <source>The site host sent an answer that is not JSON.</source>
            <translation>考点主机返回的应答不是 JSON。</translation>
        </message>
        <message>
            <location filename="app/client/http.py" line="110" />
            <source>The site host refused ({status}).</source>
            <translation>考点主机拒绝了请求（{status}）。</translation>
        </message>
        <message>
            <location filename="app/lan/app.py" line="77" />
            <source>The request is malformed at {where}.</source>
            <translation>请求格式有误（{where}）。</translation>
        </message>
        <message>
            <location filename="app/lan/app.py" line="83" />
            <source>The site host hit an internal error; your last change was not taken. Try again.</source>
            <translation>考点主机发生内部错误，刚才的操作未被接收，请重试。</translation>
        </message>
        <message>
            <location filename="app/lan/core_routes.py" line="97" />
            <source>Staff log in on a scoring station, not on a candidate terminal.</source>
            <translation>工作人员应在评分工作站登录，不能在考生终端登录。</translation>
        </message>
        <message>
            <location filename="app/lan/deps.py" line="55" />
            <source>This device is not enrolled with the site host: enrol it again.</source>
            <translation>本设备未在考点主机注册：请重新注册。</translation>
        </message>
        <message>
            <location filename="app/lan/deps.py" line="71" />
            <source>Log in first.</source>
            <translation>请先登录。</translation>
        </message>
        <message>
            <location filename="app/lan/deps.py" line="74" />
            <source>This log-in has ended: log in again.</source>
            <translation>本次登录已失效：请重新登录。</translation>
        </message>
        <message>
            <location filename="app/lan/practical_routes.py" line="145" />
            <source>Examiners log in on a scoring station, not on a candidate terminal.</source>
            <translation>考评员须在评分终端登录，不能在考生机上登录。</translation>
        </message>
        <message>
            <location filename="app/lan/practical_routes.py" line="153" />
            <source>Only an examiner logged in on this station may score.</source>
            <translation>只有在本终端登录的考评员才能评分。</translation>
        </message>
        <message>
            <location filename="app/lan/practical_routes.py" line="220" />
            <source>An outbox save needs both its outbox id and its sequence number.</source>
            <translation>待发送记录的保存须同时带有记录编号和序号。</translation>
        </message>
        <message>
            <location filename="app/lan/practical_routes.py" line="237" />
            <source>The handwritten signature has too many points.</source>
            <translation>手写签名的笔迹点过多。</translation>
        </message>
        <message>
            <location filename="app/lan/practical_routes.py" line="247" />
            <source>A workpiece photo must be a JPEG image of at most {mb} MB.</source>
            <translation>工件照片须为不超过 {mb} MB 的 JPEG 图片。</translation>
        </message>
        <message>
            <location filename="app/lan/server.py" line="45" />
            <source>The LAN API serves plain HTTP only on this computer (127.0.0.1); on the network it needs TLS.</source>
            <translation>局域网接口仅在本机（127.0.0.1）上允许明文 HTTP；在网络上必须使用 TLS。</translation>
        </message>
        <message>
            <location filename="app/lan/server.py" line="82" />
            <source>The LAN API could not start on {host}:{port}.</source>
            <translation>局域网接口无法在 {host}:{port} 上启动。</translation>
        </message>
        <message>
            <location filename="app/lan/theory_routes.py" line="59" />
            <source>Only candidate terminals take the theory exam.</source>
            <translation>只有考生考试机可以参加理论考试。</translation>
        </message>
        <message>
            <location filename="app/results/sealed.py" line="14" />
            <source>Session {session} is sealed: nothing in it can be changed.</source>
            <translation>场次 {session} 已封存，其中任何内容都不能再修改。</translation>
        </message>
        <message>
            <location filename="app/services/lan_access.py" line="82" />
            <source>A device is a terminal or a station, not {kind}.</source>
            <translation>设备只能是考试终端或评分工作站，不能是 {kind}。</translation>
        </message>
        <message>
            <location filename="app/services/lan_access.py" line="100" />
            <source>Too many wrong enrolment codes: wait a minute and try again.</source>
            <translation>错误的注册码过多：请等一分钟再试。</translation>
        </message>
        <message>
            <location filename="app/services/lan_access.py" line="108" />
            <source>This enrolment code is wrong, used or expired: ask for a new one.</source>
            <translation>注册码错误、已使用或已过期：请索取新的注册码。</translation>
        </message>
        <message>
            <location filename="app/services/lan_access.py" line="128" />
            <source>No device has the number {number}.</source>
            <translation>没有编号为 {number} 的设备。</translation>
        </message>
        <message>
            <location filename="app/services/recording.py" line="270" />
            <source>Session {session} has no room {room}.</source>
            <translation>场次 {session} 没有考场 {room}。</translation>
        </message>
        <message>
            <location filename="app/services/recording.py" line="234" />
            <source>Room {room} of session {session} is not being recorded.</source>
            <translation>场次 {session} 的考场 {room} 当前未在录像。</translation>
        </message>
        <message>
            <location filename="app/services/recording.py" line="128" />
            <source>A camera needs an id of letters, digits, '-' or '_', a room and an address.</source>
            <translation>摄像头需要一个由字母、数字、“-”或“_”组成的编号、一个考场和一个地址。</translation>
        </message>
        <message>
            <location filename="app/services/recording.py" line="131" />
            <source>The camera kind must be one of {kinds}.</source>
            <translation>摄像头类型必须是以下之一：{kinds}。</translation>
        </message>
        <message>
            <location filename="app/services/recording.py" line="193" />
            <source>Only the chief proctor may stop a room's recording before it is sealed.</source>
            <translation>考场封存前，只有主监考可以停止该考场的录像。</translation>
        </message>
        <message>
            <location filename="app/services/recording.py" line="211" />
            <source>Room {room} of session {session} is sealed; its recording cannot start again.</source>
            <translation>场次 {session} 的考场 {room} 已封存，不能再次开始录像。</translation>
        </message>
        <message>
            <location filename="app/services/recording.py" line="223" />
            <source>Session {session} has not ended; its rooms cannot be sealed yet.</source>
            <translation>场次 {session} 尚未结束，其考场还不能封存。</translation>
        </message>
        <message>
            <location filename="app/services/recording.py" line="225" />
            <source>Room {room} of session {session} is already sealed.</source>
            <translation>场次 {session} 的考场 {room} 已封存。</translation>
        </message>
        <message>
            <location filename="app/services/recording.py" line="135" />
            <source>Camera {camera} is already registered.</source>
            <translation>摄像头 {camera} 已登记。</translation>
        </message>
        <message>
            <location filename="app/services/recording.py" line="148" />
            <source>There is no camera {camera}.</source>
            <translation>没有摄像头 {camera}。</translation>
        </message>
        <message>
            <location filename="app/services/recording.py" line="195" />
            <source>Stopping a room's recording needs a reason.</source>
            <translation>停止考场录像必须填写原因。</translation>
        </message>
        <message>
            <location filename="app/services/score_sheets.py" line="164" />
            <source>No candidate of session {session} has a complete, signed result yet.</source>
            <translation>场次 {session} 尚无考生的评分已全部签字完成。</translation>
        </message>
        <message>
            <location filename="app/services/score_sheets.py" line="72" />
            <source>There is no practical session {session} in the current plan.</source>
            <translation>当前考核计划中没有实操场次 {session}。</translation>
        </message>
        <message>
            <location filename="app/services/score_sheets.py" line="117" />
            <source>Score sheet {sheet} is marked signed but has no signature; run examsite verify.</source>
            <translation>评分表 {sheet} 标记为已签字但没有签名，请运行 examsite verify 核验。</translation>
        </message>
        <message>
            <location filename="app/services/theory_candidate.py" line="229" />
            <source>The proctor has paused the exam: the clock stands still.</source>
            <translation>监考员已暂停考试：计时暂停。</translation>
        </message>
        <message>
            <location filename="app/services/theory_candidate.py" line="84" />
            <source>The admission ticket number or the ID number characters are wrong.</source>
            <translation>准考证号或身份证号后六位不正确。</translation>
        </message>
        <message>
            <location filename="app/services/theory_candidate.py" line="236" />
            <source>At most {count} saves per request.</source>
            <translation>每次请求最多保存 {count} 条作答。</translation>
        </message>
        <message>
            <location filename="app/services/theory_candidate.py" line="276" />
            <source>The time is up: the answers were submitted.</source>
            <translation>考试时间已到：答卷已自动提交。</translation>
        </message>
        <message>
            <location filename="app/services/theory_candidate.py" line="95" />
            <source>{name} is marked absent from this session.</source>
            <translation>{name} 已被标记为本场缺考。</translation>
        </message>
        <message>
            <location filename="app/services/theory_candidate.py" line="97" />
            <source>{name} has not been checked in yet: go to the check-in desk first.</source>
            <translation>{name} 尚未完成检录：请先到检录台检录。</translation>
        </message>
        <message>
            <location filename="app/services/theory_candidate.py" line="149" />
            <source>This sitting does not exist.</source>
            <translation>该考生场次不存在。</translation>
        </message>
        <message>
            <location filename="app/services/theory_candidate.py" line="173" />
            <source>This candidate has logged in on another terminal: this terminal's log-in has ended.</source>
            <translation>该考生已在另一台考试机登录：本机登录已失效。</translation>
        </message>
        <message>
            <location filename="app/services/theory_candidate.py" line="193" />
            <source>The exam has not started yet.</source>
            <translation>考试尚未开始。</translation>
        </message>
        <message>
            <location filename="app/services/theory_candidate.py" line="244" />
            <source>Save {revision} does not fit the paper: nothing of this batch was stored.</source>
            <translation>第 {revision} 次保存与试卷不符：本批作答均未保存。</translation>
        </message>
        <message>
            <location filename="app/services/theory_candidate.py" line="283" />
            <source>The answers have been submitted: nothing can be changed.</source>
            <translation>答卷已提交：不能再修改。</translation>
        </message>
        <message>
            <location filename="app/services/theory_candidate.py" line="342" />
            <source>Submission opens {minutes} minutes from now.</source>
            <translation>还需 {minutes} 分钟才允许交卷。</translation>
        </message>
        <message>
            <location filename="app/services/theory_candidate.py" line="357" />
            <source>The answers have not been submitted yet.</source>
            <translation>答卷尚未提交。</translation>
        </message>
        <message>
            <location filename="app/services/theory_console.py" line="117" />
            <source>A pause needs a reason.</source>
            <translation>暂停考试须填写原因。</translation>
        </message>
        <message>
            <location filename="app/services/theory_console.py" line="183" />
            <source>A time change needs a reason.</source>
            <translation>调整时间须填写原因。</translation>
        </message>
        <message>
            <location filename="app/services/theory_console.py" line="213" />
            <source>A move needs a reason.</source>
            <translation>调换座位须填写原因。</translation>
        </message>
        <message>
            <location filename="app/services/theory_console.py" line="235" />
            <source>A forced submission needs a reason.</source>
            <translation>强制收卷须填写原因。</translation>
        </message>
        <message>
            <location filename="app/services/theory_console.py" line="256" />
            <source>An incident needs a note.</source>
            <translation>记录考场事件须填写说明。</translation>
        </message>
        <message>
            <location filename="app/services/theory_console.py" line="186" />
            <source>A time change is between 1 and {most} minutes; only an adjustment may take time away.</source>
            <translation>时间调整应在 1 至 {most} 分钟之间；只有“时间校正”可以减少时间。</translation>
        </message>
        <message>
            <location filename="app/services/theory_console.py" line="80" />
            <source>Session {session} has no theory paper in the package.</source>
            <translation>考务数据包中没有场次 {session} 的理论试卷。</translation>
        </message>
        <message>
            <location filename="app/services/theory_console.py" line="94" />
            <source>Room {room} has already been started.</source>
            <translation>考场 {room} 已经开考。</translation>
        </message>
        <message>
            <location filename="app/services/theory_console.py" line="121" />
            <source>Room {room} is not running.</source>
            <translation>考场 {room} 未在考试中。</translation>
        </message>
        <message>
            <location filename="app/services/theory_console.py" line="134" />
            <source>Room {room} is not paused.</source>
            <translation>考场 {room} 未处于暂停状态。</translation>
        </message>
        <message>
            <location filename="app/services/theory_console.py" line="193" />
            <source>{name} has already submitted.</source>
            <translation>{name} 已交卷。</translation>
        </message>
        <message>
            <location filename="app/services/theory_console.py" line="195" />
            <source>Room {room} has ended.</source>
            <translation>考场 {room} 的考试已结束。</translation>
        </message>
        <message>
            <location filename="app/services/theory_console.py" line="219" />
            <source>Room {room} has seats 1 to {count}.</source>
            <translation>考场 {room} 的座位号为 1 至 {count}。</translation>
        </message>
        <message>
            <location filename="app/services/theory_console.py" line="222" />
            <source>Seat {seat} is taken.</source>
            <translation>{seat} 号座位已有考生。</translation>
        </message>
        <message>
            <location filename="app/services/theory_console.py" line="161" />
            <source>Candidates still have time left: ending the room needs a reason.</source>
            <translation>仍有考生未到结束时间：结束考场须填写原因。</translation>
        </message>
        <message>
            <location filename="app/services/theory_context.py" line="134" />
            <source>There is no room {room} in the current plan.</source>
            <translation>当前考核计划中没有考场 {room}。</translation>
        </message>
        <message>
            <location filename="app/services/theory_context.py" line="89" />
            <source>Too many wrong attempts: wait {minutes} minutes and try again.</source>
            <translation>错误次数过多：请等待 {minutes} 分钟后再试。</translation>
        </message>
        <message>
            <location filename="app/services/theory_context.py" line="126" />
            <source>There is no theory session {session} in the current plan.</source>
            <translation>当前考核计划中没有理论考试场次 {session}。</translation>
        </message>
        <message>
            <location filename="app/services/theory_context.py" line="144" />
            <source>You are not on duty in room {room}.</source>
            <translation>您不是考场 {room} 的监考人员。</translation>
        </message>
        <message>
            <location filename="app/simulation/day.py" line="55" />
            <source>Video recording of the rooms</source>
            <translation>各考场录像</translation>
        </message>
        <message>
            <location filename="app/simulation/day.py" line="56" />
            <source>Theory exam on the terminals</source>
            <translation>终端上的理论考试</translation>
        </message>
        <message>
            <location filename="app/simulation/day.py" line="57" />
            <source>Practical scoring on examiner stations</source>
            <translation>评分终端上的操作技能评分</translation>
        </message>
        <message>
            <location filename="app/simulation/practical_stage.py" line="124" />
            <source>{count} candidates scored by 3 examiners on LAN stations and signed (median {ms} ms a signature); a disagreement of {spread} points resolved by the examiner lead at {score}; {correction}; room {room} countersigned over {signed} signatures; every signature verifies</source>
            <translation>{count} 名考生由 3 名考评员在局域网评分终端评分并签名（每次签名中位数 {ms} 毫秒）；一处 {spread} 分的评分分歧由考评组长裁定为 {score} 分；{correction}；考场 {room} 已由督导员对 {signed} 个签名复签；全部签名校验通过</translation>
        </message>
        <message>
            <location filename="app/simulation/practical_stage.py" line="139" />
            <source>one signed sheet corrected with a reason ({old} → {new}, version {version})</source>
            <translation>一份已签名评分表附理由更正（{old} → {new}，第 {version} 版）</translation>
        </message>
        <message>
            <location filename="app/simulation/practical_stage.py" line="164" />
            <source>a plain-SQL edit of a signed total in a copy is caught: {problem}</source>
            <translation>在数据库副本中用 SQL 直接改动已签名总分被查出：{problem}</translation>
        </message>
        <message>
            <location filename="app/simulation/theory_stage.py" line="170" />
            <source>{logged} terminals logged in over the LAN API ({refused} absent refused), rooms started (seen in {start:.1f} s); a killed terminal's candidate resumed on seat {seat} with all {answers} acknowledged answers; a terminal off the LAN for {offline:.1f} s kept {unsynced} answers and caught up in {caught:.1f} s; extension seen in {extended:.1f} s, forced submission in {forced:.1f} s; {submitted} submitted, {graded} graded; {checked} answers read back from the database</source>
            <translation>{logged} 台终端经局域网接口登录（{refused} 名缺考考生被拒），各考场开考（终端 {start:.1f} 秒内收到）；一台被强制终止的终端上的考生在 {seat} 号座位续考，{answers} 条已确认答案全部保留；一台终端断网 {offline:.1f} 秒期间保留 {unsynced} 条答案，恢复后 {caught:.1f} 秒内补传完毕；延时 {extended:.1f} 秒送达，强制交卷 {forced:.1f} 秒送达；{submitted} 人交卷，{graded} 人评分；从数据库核对 {checked} 条答案</translation>
        </message>
        <message>
            <location filename="app/simulation/video_stage.py" line="101" />
            <source>{rooms} rooms recorded from the pre-roll to the seal: {segments} segments ({seconds} s), {markers} incident markers, a proctor's stop refused; every session directory verifies</source>
            <translation>{rooms} 个考场从考前预录到封存全程录像：{segments} 个片段（{seconds} 秒），{markers} 个事件标记，监考员的停止录像请求被拒绝；所有场次录像目录校验通过</translation>
        </message>
        <message>
            <location filename="app/station/local.py" line="145" />
            <source>A note is at most {count} characters.</source>
            <translation>备注最多 {count} 个字符。</translation>
        </message>
        <message>
            <location filename="app/station/local.py" line="217" />
            <source>Sign on the pad before confirming.</source>
            <translation>请先在签名板上签名再确认。</translation>
        </message>
        <message>
            <location filename="app/station/local.py" line="294" />
            <source>Log in with your staff number and PIN first.</source>
            <translation>请先用工号和 PIN 码登录。</translation>
        </message>
        <message>
            <location filename="app/station/local.py" line="178" />
            <source>This station outbox belongs to another examiner.</source>
            <translation>此评分终端的待发送记录属于另一位考评员。</translation>
        </message>
        <message>
            <location filename="app/station/remote.py" line="316" />
            <source>The site host cannot be reached: signing needs it, because your signing key is kept there. Your marks are kept on this station and are sent as soon as the connection is back; sign then.</source>
            <translation>无法连接考点主机：签名需要主机，因为您的签名密钥保存在主机上。您的评分已保存在本终端，网络恢复后会立即发送，届时再签名。</translation>
        </message>
        <message>
            <location filename="app/station/remote.py" line="255" />
            <source>The site host cannot be reached: {detail}</source>
            <translation>无法连接考点主机：{detail}</translation>
        </message>
        <message>
            <location filename="app/sync/envelope.py" line="70" />
            <source>This is not an ExamSite results package.</source>
            <translation>这不是考点通成绩数据包。</translation>
        </message>
        <message>
            <location filename="app/sync/envelope.py" line="74" />
            <source>The results package is damaged.</source>
            <translation>成绩数据包已损坏。</translation>
        </message>
        <message>
            <location filename="app/sync/envelope.py" line="95" />
            <source>Site {site} is not registered with the platform.</source>
            <translation>考点 {site} 未在平台登记。</translation>
        </message>
        <message>
            <location filename="app/sync/envelope.py" line="106" />
            <source>The results package is not signed by site {site}.</source>
            <translation>成绩数据包不是考点 {site} 签名的。</translation>
        </message>
        <message>
            <location filename="app/sync/envelope.py" line="100" />
            <source>The results package was not sealed to this platform or was altered.</source>
            <translation>成绩数据包不是加密给本平台的，或已被篡改。</translation>
        </message>
        <message>
            <location filename="app/sync/link.py" line="77" />
            <source>{path} is not a platform key file.</source>
            <translation>{path} 不是平台密钥文件。</translation>
        </message>
        <message>
            <location filename="app/sync/link.py" line="47" />
            <source>The platform key record is damaged.</source>
            <translation>平台密钥记录已损坏。</translation>
        </message>
        <message>
            <location filename="app/sync/link.py" line="59" />
            <source>No platform is configured for this site: run 'examsite sync configure' first.</source>
            <translation>本考点尚未配置上报平台：请先运行 'examsite sync configure'。</translation>
        </message>
        <message>
            <location filename="app/sync/link.py" line="75" />
            <source>Cannot read the platform key file {path}.</source>
            <translation>无法读取平台密钥文件 {path}。</translation>
        </message>
        <message>
            <location filename="app/sync/receipt.py" line="64" />
            <source>The platform's receipt is malformed.</source>
            <translation>平台回执格式错误。</translation>
        </message>
        <message>
            <location filename="app/sync/receipt.py" line="66" />
            <source>The receipt is not signed by the pinned platform key.</source>
            <translation>回执不是由已固定的平台密钥签名的。</translation>
        </message>
        <message>
            <location filename="app/sync/receipt.py" line="68" />
            <source>The receipt is about another delivery.</source>
            <translation>该回执属于另一次报送。</translation>
        </message>
        <message>
            <location filename="app/terminal/backend.py" line="315" />
            <source>This sitting continues on another terminal; this one no longer saves answers.</source>
            <translation>本场考试已在另一台终端上继续，本终端不再保存答案。</translation>
        </message>
        <message>
            <location filename="app/terminal/backend.py" line="94" />
            <source>A candidate is already logged in on this terminal.</source>
            <translation>本终端已有考生登录。</translation>
        </message>
        <message>
            <location filename="app/terminal/backend.py" line="126" />
            <source>Answers can be changed only while the exam is running.</source>
            <translation>只有在考试进行中才能作答或修改答案。</translation>
        </message>
        <message>
            <location filename="app/terminal/backend.py" line="131" />
            <source>This answer does not belong to this paper.</source>
            <translation>该答案不属于本试卷。</translation>
        </message>
        <message>
            <location filename="app/terminal/demo_backend.py" line="53" />
            <source>Check that the name, photo and seat on this screen are yours; tell the proctor at once if not.</source>
            <translation>请核对屏幕上的姓名、照片和座位号是否为本人；如有不符，请立即告知监考员。</translation>
        </message>
        <message>
            <location filename="app/terminal/demo_backend.py" line="54" />
            <source>Phones, smart watches and notes stay in the bag at the front of the room.</source>
            <translation>手机、智能手表和资料一律放在考场前方的物品袋中。</translation>
        </message>
        <message>
            <location filename="app/terminal/demo_backend.py" line="55" />
            <source>Do not leave this screen, restart the terminal or touch its cables; every attempt is reported.</source>
            <translation>不得离开本界面、重启考试机或触碰线缆；任何此类操作都会报告给监考员。</translation>
        </message>
        <message>
            <location filename="app/terminal/demo_backend.py" line="56" />
            <source>Each answer is saved on this terminal the moment you choose it; a fault never loses an answer.</source>
            <translation>每道题的答案在选择时即保存在本机，设备故障不会丢失答案。</translation>
        </message>
        <message>
            <location filename="app/terminal/demo_backend.py" line="57" />
            <source>Raise your hand if the terminal stops working: the proctor moves you to another seat and your time is kept.</source>
            <translation>考试机出现故障请举手：监考员会为你更换座位，剩余时间保持不变。</translation>
        </message>
        <message>
            <location filename="app/terminal/demo_backend.py" line="58" />
            <source>Submission is final. You may submit from the time shown on the submit button.</source>
            <translation>交卷后不可更改。可交卷时间以交卷按钮下方的提示为准。</translation>
        </message>
        <message>
            <location filename="app/terminal/demo_backend.py" line="107" />
            <source>The figure shows two resistors of 10 Ω and 20 Ω in series across a 12 V source. What current flows in the circuit?</source>
            <translation>如图所示，10 Ω 和 20 Ω 两个电阻串联后接在 12 V 电源上，电路中的电流是多少？</translation>
        </message>
        <message>
            <location filename="app/terminal/demo_backend.py" line="232" />
            <source>The proctor has given you {minutes} more minutes.</source>
            <translation>监考员为你延长了 {minutes} 分钟。</translation>
        </message>
        <message>
            <location filename="app/terminal/demo_backend.py" line="123" />
            <source>Too many failed attempts on this terminal. Ask the proctor for help.</source>
            <translation>本机登录失败次数过多，请举手请监考员协助。</translation>
        </message>
        <message>
            <location filename="app/terminal/demo_backend.py" line="127" />
            <source>The admission ticket number and the last 6 characters of the ID number do not match. Check both and try again.</source>
            <translation>准考证号与身份证号后 6 位不匹配，请核对后重试。</translation>
        </message>
        <message>
            <location filename="app/terminal/demo_backend.py" line="133" />
            <source>Theory room 1</source>
            <translation>理论考场 1</translation>
        </message>
        <message>
            <location filename="app/terminal/demo_backend.py" line="134" />
            <source>Electrician (level 4) theory exam</source>
            <translation>电工（四级/中级工）理论知识考试</translation>
        </message>
        <message>
            <location filename="app/terminal/demo_backend.py" line="134" />
            <source>Electrician</source>
            <translation>电工</translation>
        </message>
        <message>
            <location filename="app/terminal/demo_backend.py" line="135" />
            <source>Level 4 / intermediate</source>
            <translation>四级/中级工</translation>
        </message>
        <message>
            <location filename="app/terminal/demo_backend.py" line="162" />
            <source>This answer does not fit the question.</source>
            <translation>该答案不符合本题要求。</translation>
        </message>
        <message>
            <location filename="app/terminal/demo_backend.py" line="218" />
            <source>The proctor has paused the exam. The clock stands still.</source>
            <translation>监考员已暂停考试，计时暂停。</translation>
        </message>
        <message>
            <location filename="app/terminal/demo_backend.py" line="178" />
            <source>Submission opens at {time}.</source>
            <translation>{time} 起可以交卷。</translation>
        </message>
        <message>
            <location filename="app/terminal/journal.py" line="184" />
            <source>The answer journal is closed.</source>
            <translation>答题日志已关闭。</translation>
        </message>
        <message>
            <location filename="app/terminal/journal.py" line="200" />
            <source>The answer journal {path} is not a journal file.</source>
            <translation>答题日志 {path} 不是有效的日志文件。</translation>
        </message>
        <message>
            <location filename="app/terminal/journal.py" line="249" />
            <source>The answer journal {path} was altered: record {number} does not open.</source>
            <translation>答题日志 {path} 已被改动：第 {number} 条记录无法解密。</translation>
        </message>
        <message>
            <location filename="app/video/disk.py" line="71" />
            <source>Video disk: {free} free ({percent}%); nothing is being recorded now.</source>
            <translation>录像磁盘：剩余 {free}（{percent}%）；当前没有在录像。</translation>
        </message>
        <message>
            <location filename="app/video/disk.py" line="72" />
            <source>Video disk: only {free} free ({percent}%); nothing is being recorded now, but free space before the next exam.</source>
            <translation>录像磁盘：仅剩 {free}（{percent}%）；当前没有在录像，但请在下次考试前腾出空间。</translation>
        </message>
        <message>
            <location filename="app/video/disk.py" line="74" />
            <source>Video disk almost full: {free} free ({percent}%). Free space or add a disk before recording starts.</source>
            <translation>录像磁盘即将写满：剩余 {free}（{percent}%）。请在开始录像前腾出空间或加装磁盘。</translation>
        </message>
        <message>
            <location filename="app/video/disk.py" line="79" />
            <source>Video disk: {free} free, about {hours} hours of recording left at the current {rate} Mbit/s.</source>
            <translation>录像磁盘：剩余 {free}，按当前 {rate} Mbit/s 约还可录 {hours} 小时。</translation>
        </message>
        <message>
            <location filename="app/video/disk.py" line="81" />
            <source>Video disk: only about {hours} hours of recording left ({free} free at {rate} Mbit/s). Tell the site administrator today.</source>
            <translation>录像磁盘：仅约可再录 {hours} 小时（剩余 {free}，{rate} Mbit/s）。请今天通知考点管理员。</translation>
        </message>
        <message>
            <location filename="app/video/disk.py" line="83" />
            <source>Video disk almost full: about {hours} hours of recording left ({free} free). Free space or add a disk now, or recording will stop.</source>
            <translation>录像磁盘即将写满：约可再录 {hours} 小时（剩余 {free}）。请立即腾出空间或加装磁盘，否则录像将停止。</translation>
        </message>
        <message>
            <location filename="app/video/export.py" line="99" />
            <source>{path} holds no recorded session.</source>
            <translation>{path} 中没有录制的场次。</translation>
        </message>
        <message>
            <location filename="app/video/export.py" line="102" />
            <source>The session in {path} does not verify, so it is not exported: {message}</source>
            <translation>{path} 中的场次校验未通过，因此不予导出：{message}</translation>
        </message>
        <message>
            <location filename="app/video/export.py" line="112" />
            <source>{path} already exists; choose another destination.</source>
            <translation>{path} 已存在；请选择其他目标位置。</translation>
        </message>
        <message>
            <location filename="app/video/export.py" line="115" />
            <source>The destination has {free} free but the export needs {need}.</source>
            <translation>目标位置剩余 {free}，但导出需要 {need}。</translation>
        </message>
        <message>
            <location filename="app/video/export.py" line="125" />
            <source>The copy on {path} does not verify ({message}); the drive may be failing.</source>
            <translation>{path} 上的副本校验未通过（{message}）；该存储设备可能有故障。</translation>
        </message>
        <message>
            <location filename="app/video/retention.py" line="162" />
            <source>Archived upstream on {date} and out of retention since {until}.</source>
            <translation>已于 {date} 归档到上级平台，自 {until} 起超出保存期限。</translation>
        </message>
        <message>
            <location filename="app/video/retention.py" line="150" />
            <source>Kept: the recording is not sealed.</source>
            <translation>保留：录像尚未封存。</translation>
        </message>
        <message>
            <location filename="app/video/retention.py" line="154" />
            <source>Kept: not archived upstream yet.</source>
            <translation>保留：尚未归档到上级平台。</translation>
        </message>
        <message>
            <location filename="app/video/retention.py" line="158" />
            <source>Kept until {date} ({years} years after the seal).</source>
            <translation>保留至 {date}（封存后 {years} 年）。</translation>
        </message>
        <message>
            <location filename="app/video/retention.py" line="50" />
            <source>Video must be kept at least {minimum} years; the plan asks for {years}.</source>
            <translation>录像至少须保存 {minimum} 年；考核计划设定为 {years} 年。</translation>
        </message>
        <message>
            <location filename="app/video/retention.py" line="53" />
            <source>Exam records must be kept at least one year; the plan asks for {years}.</source>
            <translation>考务记录至少须保存一年；考核计划设定为 {years} 年。</translation>
        </message>
        <message>
            <location filename="app/video/retention.py" line="148" />
            <source>Kept: its manifest cannot be read.</source>
            <translation>保留：无法读取其清单。</translation>
        </message>
        <message>
            <location filename="drivers/camera/onvif.py" line="283" />
            <source>Camera {address} refused the user name or password.</source>
            <translation>摄像头 {address} 拒绝了用户名或密码。</translation>
        </message>
        <message>
            <location filename="drivers/camera/onvif.py" line="296" />
            <source>Camera {address} refused the request: {reason}</source>
            <translation>摄像头 {address} 拒绝了请求：{reason}</translation>
        </message>
        <message>
            <location filename="drivers/camera/onvif.py" line="278" />
            <source>{address} did not answer in SOAP: it is not an ONVIF camera, or not at this address.</source>
            <translation>{address} 没有以 SOAP 应答：它不是 ONVIF 摄像头，或不在这个地址。</translation>
        </message>
        <message>
            <location filename="drivers/camera/onvif.py" line="363" />
            <source>Camera {address} gave no stream address for profile {profile}.</source>
            <translation>摄像头 {address} 没有给出配置 {profile} 的码流地址。</translation>
        </message>
        <message>
            <location filename="drivers/camera/onvif.py" line="186" />
            <source>The discovery probe could not be sent ({detail}); enter the camera's address by hand.</source>
            <translation>无法发送发现探测（{detail}）；请手动输入摄像头地址。</translation>
        </message>
        <message>
            <location filename="drivers/camera/onvif.py" line="263" />
            <source>{address} answered HTTP {status}: it is not an ONVIF camera, or not at this address.</source>
            <translation>{address} 返回 HTTP {status}：它不是 ONVIF 摄像头，或不在这个地址。</translation>
        </message>
        <message>
            <location filename="drivers/camera/onvif.py" line="270" />
            <source>Camera {address} cannot be reached ({detail}); check the address and the network.</source>
            <translation>无法连接摄像头 {address}（{detail}）；请检查地址和网络。</translation>
        </message>
        <message>
            <location filename="drivers/camera/onvif.py" line="268" />
            <source>Camera {address} did not answer within {seconds} seconds.</source>
            <translation>摄像头 {address} 在 {seconds} 秒内没有应答。</translation>
        </message>
        <message>
            <location filename="drivers/camera/playback.py" line="23" />
            <source>There is no recorded video to play here.</source>
            <translation>这里没有可播放的录像。</translation>
        </message>
        <message>
            <location filename="drivers/camera/playback.py" line="44" />
            <source>The recording has ended.</source>
            <translation>录像已播放完毕。</translation>
        </message>
        <message>
            <location filename="drivers/recorder/clips.py" line="23" />
            <source>This PyAV build has no H.264 encoder (libx264) to make a clip.</source>
            <translation>此 PyAV 版本没有 H.264 编码器（libx264），无法生成视频。</translation>
        </message>
        <message>
            <location filename="drivers/recorder/factory.py" line="35" />
            <source>The recorder backend {backend} is unknown; use pyav or ffmpeg.</source>
            <translation>未知的录像后端 {backend}；请使用 pyav 或 ffmpeg。</translation>
        </message>
        <message>
            <location filename="drivers/recorder/factory.py" line="41" />
            <source>{reason} Recording with the built-in PyAV backend instead.</source>
            <translation>{reason}改用内置的 PyAV 后端录像。</translation>
        </message>
        <message>
            <location filename="app/results/certificate.py" line="83" />
            <source>Character 1 must be Y (employer) or S (social evaluation organisation).</source>
            <translation>第 1 位须为 Y（用人单位）或 S（社会培训评价组织）。</translation>
        </message>
        <message>
            <location filename="app/results/certificate.py" line="85" />
            <source>Characters 2 to 5 (the agency code) must be 4 digits.</source>
            <translation>第 2–5 位（评价机构代码）须为 4 位数字。</translation>
        </message>
        <message>
            <location filename="app/results/certificate.py" line="87" />
            <source>Characters 6 and 7 ({code}) are not a province code.</source>
            <translation>第 6–7 位（{code}）不是省级行政区代码。</translation>
        </message>
        <message>
            <location filename="app/results/certificate.py" line="89" />
            <source>Characters 8 to 13 (the agency serial) must be 6 digits.</source>
            <translation>第 8–13 位（评价机构序列码）须为 6 位数字。</translation>
        </message>
        <message>
            <location filename="app/results/certificate.py" line="97" />
            <source>A certificate number has 22 characters, not {count}.</source>
            <translation>证书编号应为 22 位，而不是 {count} 位。</translation>
        </message>
        <message>
            <location filename="app/results/certificate.py" line="102" />
            <source>Characters 2 to 22 must be digits.</source>
            <translation>第 2–22 位须为数字。</translation>
        </message>
        <message>
            <location filename="app/results/certificate.py" line="132" />
            <source>The certificate sequence for {year} level {level} is used up.</source>
            <translation>{year} 年 {level} 级的证书序列码已用完。</translation>
        </message>
        <message>
            <location filename="app/results/certificate.py" line="70" />
            <source>The year of issue must be between 2000 and 2099.</source>
            <translation>发证年份须在 2000 至 2099 之间。</translation>
        </message>
        <message>
            <location filename="app/results/certificate.py" line="72" />
            <source>The skill level must be 1 to 5.</source>
            <translation>职业技能等级须为 1 至 5。</translation>
        </message>
        <message>
            <location filename="app/results/certificate.py" line="74" />
            <source>The certificate sequence must be between 1 and {most}.</source>
            <translation>证书序列码须在 1 至 {most} 之间。</translation>
        </message>
        <message>
            <location filename="app/bench/video.py" line="193" />
            <source>The camera wall did not show every stream within 90 s.</source>
            <translation>监控墙未能在 90 秒内显示全部画面。</translation>
        </message>
        <message>
            <location filename="app/cli/enrolment.py" line="41" />
            <source>This folder holds the enrolment of a {wanted}, not a {kind}.</source>
            <translation>此文件夹保存的是{wanted}的注册信息，不是{kind}的。</translation>
        </message>
        <message>
            <location filename="app/cli/enrolment.py" line="26" />
            <source>This device is enrolled with {url}. Remove {path} to enrol it with another site host.</source>
            <translation>本设备已在 {url} 注册。如需改在其他考点主机注册，请删除 {path}。</translation>
        </message>
        <message>
            <location filename="app/cli/enrolment.py" line="29" />
            <source>This device is not enrolled yet: start it with --server URL and type the one-time code the console shows.</source>
            <translation>本设备尚未注册：请用 --server URL 启动，并输入控制台显示的一次性注册码。</translation>
        </message>
        <message>
            <location filename="app/cli/enrolment.py" line="35" />
            <source>This code enrols a {wanted}, not a {kind}: ask for a code for a {kind}.</source>
            <translation>此注册码用于{wanted}，不是{kind}：请索取{kind}的注册码。</translation>
        </message>
        <message>
            <location filename="app/cli/results_cmd.py" line="136" />
            <source>Valid: category {category}, agency {agency}, province {province}, agency serial {serial}, year {year}, level {level}, sequence {sequence}.</source>
            <translation>有效：类别 {category}，机构代码 {agency}，省份 {province}，机构序列码 {serial}，年份 {year}，等级 {level}，序列码 {sequence}。</translation>
        </message>
        <message>
            <location filename="app/cli/results_cmd.py" line="96" />
            <source>Wrote the public list ({count} candidates) to {path}.</source>
            <translation>成绩公示表（{count} 人）已写入 {path}。</translation>
        </message>
        <message>
            <location filename="app/cli/results_cmd.py" line="114" />
            <source>Wrote the room record of room {room} in session {session} to {path}.</source>
            <translation>场次 {session} 考场 {room} 的考场情况记录表已写入 {path}。</translation>
        </message>
        <message>
            <location filename="app/cli/results_cmd.py" line="125" />
            <source>Sealed plan {plan}: document {digest} ({size} bytes), audit head {seq}.</source>
            <translation>考核计划 {plan} 已封存：文件 {digest}（{size} 字节），审计链头 {seq}。</translation>
        </message>
        <message>
            <location filename="app/cli/results_cmd.py" line="85" />
            <source>Computed {count} results: {passed} passed.</source>
            <translation>已计算 {count} 名考生成绩：合格 {passed} 人。</translation>
        </message>
        <message>
            <location filename="app/cli/results_cmd.py" line="112" />
            <source>{staff_no} signed the room record of {room}.</source>
            <translation>{staff_no} 已签署 {room} 的考场情况记录表。</translation>
        </message>
        <message>
            <location filename="app/cli/results_cmd.py" line="127" />
            <source>Queued for the platform as {key}.</source>
            <translation>已排队上报平台：{key}。</translation>
        </message>
        <message>
            <location filename="app/cli/results_cmd.py" line="128" />
            <source>No platform is configured: the sealed document waits on this site.</source>
            <translation>尚未配置平台：封存文件暂存在本考点。</translation>
        </message>
        <message>
            <location filename="app/cli/sync_cmd.py" line="115" />
            <source>Delivered {delivered}; waiting to retry {retrying}; needing attention {attention}.</source>
            <translation>已送达 {delivered} 项；等待重试 {retrying} 项；需人工处理 {attention} 项。</translation>
        </message>
        <message>
            <location filename="app/cli/sync_cmd.py" line="65" />
            <source>Platform {url} pinned; its receipt key fingerprint is {fingerprint}.</source>
            <translation>已固定平台 {url}；其回执密钥指纹为 {fingerprint}。</translation>
        </message>
        <message>
            <location filename="app/cli/sync_cmd.py" line="85" />
            <source>The outbox is empty.</source>
            <translation>待报送队列为空。</translation>
        </message>
        <message>
            <location filename="app/cli/sync_cmd.py" line="128" />
            <source>Queued {name} as {key}.</source>
            <translation>已将 {name} 加入待报送队列，编号 {key}。</translation>
        </message>
        <message>
            <location filename="app/cli/sync_cmd.py" line="138" />
            <source>{count} undelivered items written to {path}.</source>
            <translation>已将 {count} 个未送达项写入 {path}。</translation>
        </message>
        <message>
            <location filename="app/cli/sync_cmd.py" line="148" />
            <source>{count} receipts verified and stored.</source>
            <translation>已验证并保存 {count} 份回执。</translation>
        </message>
        <message>
            <location filename="app/cli/sync_cmd.py" line="161" />
            <source>Outbox item {key} queued again.</source>
            <translation>待报送项 {key} 已重新排队。</translation>
        </message>
        <message>
            <location filename="app/cli/upstream_cmd.py" line="90" />
            <source>Site {site} registered; its key fingerprint is {fingerprint}.</source>
            <translation>考点 {site} 已登记；其密钥指纹为 {fingerprint}。</translation>
        </message>
        <message>
            <location filename="app/cli/upstream_cmd.py" line="99" />
            <source>Package {package} issued to {site}: {path}</source>
            <translation>已向 {site} 下发数据包 {package}：{path}</translation>
        </message>
        <message>
            <location filename="app/cli/upstream_cmd.py" line="101" />
            <source>Exam password: {password}</source>
            <translation>开考密码：{password}</translation>
        </message>
        <message>
            <location filename="app/cli/upstream_cmd.py" line="110" />
            <source>{count} items filed; receipts written to {path}.</source>
            <translation>已归档 {count} 项；回执已写入 {path}。</translation>
        </message>
        <message>
            <location filename="app/cli/upstream_cmd.py" line="55" />
            <source>Platform passphrase: </source>
            <translation>平台口令：</translation>
        </message>
        <message>
            <location filename="app/cli/upstream_cmd.py" line="67" />
            <source>Platform receipt key fingerprint {fingerprint}</source>
            <translation>平台回执密钥指纹 {fingerprint}</translation>
        </message>
        <message>
            <location filename="app/cli/upstream_cmd.py" line="68" />
            <source>Platform service listening on {url}</source>
            <translation>平台服务正在 {url} 上监听</translation>
        </message>
        <message>
            <location filename="app/cli/upstream_cmd.py" line="81" />
            <source>Platform public key written to {path}.</source>
            <translation>平台公钥已写入 {path}。</translation>
        </message>
        <message>
            <location filename="app/cli/verify_cmd.py" line="50" />
            <source>The sealed results and every signed room record verify.</source>
            <translation>封存成绩和所有已签署的考场情况记录表均验证通过。</translation>
        </message>
        <message>
            <location filename="app/services/outbox.py" line="324" />
            <source>There is no outbox item {key}.</source>
            <translation>没有待报送项 {key}。</translation>
        </message>
        <message>
            <location filename="app/services/outbox.py" line="283" />
            <source>Outbox item {key} does not need attention.</source>
            <translation>待报送项 {key} 无需人工处理。</translation>
        </message>
        <message>
            <location filename="app/services/results.py" line="194" />
            <source>The format must be pdf or xlsx.</source>
            <translation>格式须为 pdf 或 xlsx。</translation>
        </message>
        <message>
            <location filename="app/services/results.py" line="174" />
            <source>Compute the results first.</source>
            <translation>请先计算成绩。</translation>
        </message>
        <message>
            <location filename="app/services/results.py" line="358" />
            <source>Room {room} has not ended: its record cannot be signed yet.</source>
            <translation>{room} 尚未结束考试，暂不能签署考场情况记录表。</translation>
        </message>
        <message>
            <location filename="app/services/results.py" line="362" />
            <source>You have already signed this room record.</source>
            <translation>您已签署过这份考场情况记录表。</translation>
        </message>
        <message>
            <location filename="app/services/seal.py" line="308" />
            <source>The room record of {room} (session {session}) no longer matches the signature of {signer}.</source>
            <translation>{room}（场次 {session}）的考场情况记录表与 {signer} 的签名不再一致。</translation>
        </message>
        <message>
            <location filename="app/services/seal.py" line="258" />
            <source>The sealed results document {digest} recorded in the audit trail is missing.</source>
            <translation>审计日志记录的封存成绩文件 {digest} 不见了。</translation>
        </message>
        <message>
            <location filename="app/services/seal.py" line="266" />
            <source>The sealed results of plan {plan} are not the document that was sealed.</source>
            <translation>考核计划 {plan} 的封存成绩不是当初封存的文件。</translation>
        </message>
        <message>
            <location filename="app/services/seal.py" line="268" />
            <source>The site's signature on the sealed results of plan {plan} is not valid.</source>
            <translation>考核计划 {plan} 封存成绩上的考点签名无效。</translation>
        </message>
        <message>
            <location filename="app/services/seal.py" line="276" />
            <source>Sealed results of plan {plan} differ from the database: {what} was changed after the seal.</source>
            <translation>考核计划 {plan} 的封存成绩与数据库不一致：{what} 在封存后被修改。</translation>
        </message>
        <message>
            <location filename="app/services/seal.py" line="77" />
            <source>Type the plan code {plan} to confirm the seal.</source>
            <translation>请输入考核计划编号 {plan} 以确认封存。</translation>
        </message>
        <message>
            <location filename="app/services/seal.py" line="80" />
            <source>Plan {plan} is already sealed.</source>
            <translation>考核计划 {plan} 已封存。</translation>
        </message>
        <message>
            <location filename="app/services/seal.py" line="94" />
            <source>{count} results are still incomplete (first: {ticket}).</source>
            <translation>还有 {count} 名考生成绩未确定（第一位：{ticket}）。</translation>
        </message>
        <message>
            <location filename="app/services/seal.py" line="272" />
            <source>Session {session} was sealed but is no longer marked sealed.</source>
            <translation>场次 {session} 已封存，但现在不再标记为封存。</translation>
        </message>
        <message>
            <location filename="app/services/seal.py" line="101" />
            <source>The results changed since they were computed: compute them again.</source>
            <translation>成绩计算后数据已有变化，请重新计算。</translation>
        </message>
        <message>
            <location filename="app/services/seal.py" line="86" />
            <source>Room {room} of session {session} is still running.</source>
            <translation>场次 {session} 的 {room} 仍在考试中。</translation>
        </message>
        <message>
            <location filename="app/sync/export.py" line="106" />
            <source>{path} is not a receipts file.</source>
            <translation>{path} 不是回执文件。</translation>
        </message>
        <message>
            <location filename="app/sync/export.py" line="77" />
            <source>{path} is not an ExamSite export file.</source>
            <translation>{path} 不是考点通导出文件。</translation>
        </message>
        <message>
            <location filename="app/sync/export.py" line="90" />
            <source>The export file is not signed by site {site}.</source>
            <translation>导出文件不是考点 {site} 签名的。</translation>
        </message>
        <message>
            <location filename="app/upstream/app.py" line="193" />
            <source>The request is too large.</source>
            <translation>请求过大。</translation>
        </message>
        <message>
            <location filename="app/upstream/app.py" line="106" />
            <source>The platform hit an internal error.</source>
            <translation>平台发生内部错误。</translation>
        </message>
        <message>
            <location filename="app/upstream/app.py" line="124" />
            <source>There is no package {package}.</source>
            <translation>没有数据包 {package}。</translation>
        </message>
        <message>
            <location filename="app/upstream/app.py" line="146" />
            <source>The Idempotency-Key header and the upload record differ.</source>
            <translation>Idempotency-Key 请求头与上传记录不一致。</translation>
        </message>
        <message>
            <location filename="app/upstream/app.py" line="166" />
            <source>There is no upload {key}.</source>
            <translation>没有上传 {key}。</translation>
        </message>
        <message>
            <location filename="app/upstream/platform.py" line="316" />
            <source>{name} is not a valid site code.</source>
            <translation>{name} 不是有效的考点代码。</translation>
        </message>
        <message>
            <location filename="app/upstream/platform.py" line="322" />
            <source>The Idempotency-Key header is missing or malformed.</source>
            <translation>缺少 Idempotency-Key 请求头或其格式错误。</translation>
        </message>
        <message>
            <location filename="app/upstream/platform.py" line="337" />
            <source>The upload record is malformed.</source>
            <translation>上传记录格式错误。</translation>
        </message>
        <message>
            <location filename="app/upstream/platform.py" line="90" />
            <source>Site {site} is already registered with another key.</source>
            <translation>考点 {site} 已用另一密钥登记。</translation>
        </message>
        <message>
            <location filename="app/upstream/platform.py" line="115" />
            <source>The results package is too large.</source>
            <translation>成绩数据包过大。</translation>
        </message>
        <message>
            <location filename="app/upstream/platform.py" line="68" />
            <source>There is no platform in {path}.</source>
            <translation>{path} 中没有平台数据。</translation>
        </message>
        <message>
            <location filename="app/upstream/platform.py" line="157" />
            <source>The upload is not signed by site {site}.</source>
            <translation>该上传不是考点 {site} 签名的。</translation>
        </message>
        <message>
            <location filename="app/upstream/platform.py" line="183" />
            <source>The upload is at byte {offset}.</source>
            <translation>该上传已确认到第 {offset} 字节。</translation>
        </message>
        <message>
            <location filename="app/upstream/platform.py" line="186" />
            <source>The chunk does not match its SHA-256.</source>
            <translation>数据块与其 SHA-256 不符。</translation>
        </message>
        <message>
            <location filename="app/upstream/platform.py" line="188" />
            <source>The chunk goes past the end of the upload.</source>
            <translation>数据块超出了上传的末尾。</translation>
        </message>
        <message>
            <location filename="app/upstream/platform.py" line="211" />
            <source>The uploaded bytes do not match their SHA-256; the upload starts again.</source>
            <translation>已上传的数据与其 SHA-256 不符，上传将从头开始。</translation>
        </message>
        <message>
            <location filename="app/upstream/platform.py" line="226" />
            <source>The decrypted file does not match its SHA-256.</source>
            <translation>解密后的文件与其 SHA-256 不符。</translation>
        </message>
        <message>
            <location filename="app/upstream/platform.py" line="122" />
            <source>Idempotency key {key} was used for other content.</source>
            <translation>幂等键 {key} 已用于其他内容。</translation>
        </message>
        <message>
            <location filename="app/upstream/platform.py" line="222" />
            <source>The file was not sealed to this platform or was altered.</source>
            <translation>该文件不是加密给本平台的，或已被篡改。</translation>
        </message>
        <message>
            <location filename="app/upstream/server.py" line="45" />
            <source>The platform service could not start on {host}:{port}.</source>
            <translation>平台服务无法在 {host}:{port} 上启动。</translation>
        </message>
        <message>
            <location filename="app/cli/enrolment.py" line="21" />
            <source>candidate terminal</source>
            <translation>考生终端</translation>
        </message>
        <message>
            <location filename="app/cli/enrolment.py" line="21" />
            <source>scoring station</source>
            <translation>评分工作站</translation>
        </message>
        <message>
            <location filename="app/simulation/practical_stage.py" line="146" />
            <source>the plain-SQL edit of a copy is checked with the embedded SQLite database only</source>
            <translation>数据库副本的 SQL 改动检查仅在内置 SQLite 数据库下进行</translation>
        </message>
        <message>
            <location filename="app/simulation/theory_stage.py" line="245" />
            <source>{seat} (a replacement terminal: the room has no free seat)</source>
            <translation>{seat}（更换终端：考场内无空座位）</translation>
        </message>
        <message>
            <location filename="app/services/checkin.py" line="175" />
            <source>Admitted by exception: {name}, seat {seat}</source>
            <translation>特批入场：{name}，座位 {seat}</translation>
        </message>
        <message>
            <location filename="app/sync/client.py" line="160" />
            <source>{url} does not answer with a platform's keys.</source>
            <translation>{url} 返回的不是平台密钥。</translation>
        </message>
        <message>
            <location filename="app/sync/client.py" line="157" />
            <source>Cannot read the platform's keys from {url}: {error}</source>
            <translation>无法从 {url} 读取平台密钥：{error}</translation>
        </message>
        <message>
            <location filename="app/simulation/day.py" line="60" />
            <source>Results, seal and delivery upstream</source>
            <translation>成绩、封存与上报</translation>
        </message>
        <message>
            <location filename="app/simulation/results_stage.py" line="160" />
            <source>{count} items ({videos} video files, {kib} KiB) delivered to {url}; every receipt verifies against platform key {fingerprint}; a repeat of each is answered with the same receipt (one record each)</source>
            <translation>{count} 项（录像文件 {videos} 个，{kib} KiB）已送达 {url}；每份回执均通过平台密钥 {fingerprint} 验证；重复发送每项均得到同一回执（每项仅一条记录）</translation>
        </message>
        <message>
            <location filename="app/simulation/results_stage.py" line="85" />
            <source>sync skipped: no platform given (--upstream URL)</source>
            <translation>未上报：未指定平台（--upstream URL）</translation>
        </message>
        <message>
            <location filename="app/simulation/results_stage.py" line="145" />
            <source>{count} of {total} items were not delivered (first: {state}, {error}); is site {site} registered with the platform (examsite upstream add-site, or --upstream-dir)?</source>
            <translation>{total} 项中有 {count} 项未送达（首项：{state}，{error}）；考点 {site} 是否已在平台登记（examsite upstream add-site，或 --upstream-dir）？</translation>
        </message>
        <message>
            <location filename="app/simulation/results_stage.py" line="86" />
            <source>{closed} theory rooms closed; {count} results computed ({passed} passed); {signatures} room-record signatures; plan {plan} sealed (document {digest})</source>
            <translation>已结束理论考场 {closed} 个；已计算 {count} 条成绩（合格 {passed}）；考场情况记录表签名 {signatures} 个；考核计划 {plan} 已封存（文档 {digest}）</translation>
        </message>
    </context>
</TS>
